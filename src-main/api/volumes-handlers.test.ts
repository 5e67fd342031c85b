import { describe, expect, it } from 'vitest';
import { PROD_VOLUME_BUILD_CACHE, PROD_VOLUME_LEGACY_ROOT } from '../../src-sandbox/seed/ec2';
import { silentLogger } from '../log/logger';
import { useWorkflows } from '../workflows/testing/workflow-test-kit';
import { createVolumesHandlers } from './volumes-handlers';

const kit = useWorkflows();
const call = { correlationId: 't', logger: silentLogger };

describe('volumes.list', () => {
  it('lists the profile’s volumes in the Region with zone, type and key; an unencrypted one has no key', async () => {
    const list = createVolumesHandlers(kit.ctx)['volumes.list'];
    const rows = await list({ profileId: 'prod', region: 'us-east-1' }, call);
    const legacy = rows.find((r) => r.volumeId === PROD_VOLUME_LEGACY_ROOT);
    expect(legacy).toMatchObject({
      name: 'legacy-batch-root',
      availabilityZone: 'us-east-1a',
      volumeType: 'gp2',
      sizeGiB: 8,
      encrypted: true,
      kmsKeyId: expect.stringMatching(/^arn:aws:kms:us-east-1:111111111111:key\//),
      attachedTo: [],
    });
    expect(rows.find((r) => r.volumeId === PROD_VOLUME_BUILD_CACHE)).toMatchObject({
      encrypted: false,
      kmsKeyId: null,
    });
    expect(await list({ profileId: 'prod', region: 'eu-west-1' }, call)).toEqual([]);
  });
});
