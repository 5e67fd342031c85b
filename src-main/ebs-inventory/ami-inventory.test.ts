import { EC2Client, ModifyImageAttributeCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { AmisPartial } from '../../src-shared/contract/amis';
import { amiRowSchema } from '../../src-shared/models/ami';
import {
  PROD_AMI_LEGACY,
  PROD_AMI_WEB,
  PROD_SNAPSHOT_LEGACY_ROOT,
  PROD_SNAPSHOT_WEB_DATA,
  PROD_SNAPSHOT_WEB_ROOT,
} from '../../src-sandbox/seed/ec2';
import { testClientFactory } from '../aws/testing/test-client-factory';
import { DEMO_ACCOUNTS, useSandbox } from '../aws/testing/use-sandbox';
import { createAmiInventory } from './inventories';
import { createSharingReader } from './sharing-reader';
import { recordingContext, sandboxDeps } from './testing/ebs-kit';

const sandbox = useSandbox();

describe('AMI inventory against the sandbox', () => {
  it('lists owned AMIs with every backing snapshot and its key (one AMI, several disks)', async () => {
    const aws = testClientFactory({ maxAttempts: 1 });
    const inventory = createAmiInventory(sandboxDeps(sandbox, aws));
    const { ctx } = recordingContext<AmisPartial>();
    const scope = [
      { profileId: 'prod', region: 'us-east-1' },
      { profileId: 'backup', region: 'us-west-2' },
    ];
    const result = await inventory.run({ scope, mode: 'full' }, ctx);
    expect(result.cells.map((cell) => [cell.status, cell.keysListed])).toEqual([
      ['done', 2],
      ['done', 0],
    ]);
    const { rows } = await inventory.cached(scope);
    for (const row of rows) expect(amiRowSchema.safeParse(row).success).toBe(true);
    // The public Amazon AMI is visible to everyone but neither owned nor shared explicitly.
    expect(rows.map((row) => row.imageId).sort()).toEqual([PROD_AMI_WEB, PROD_AMI_LEGACY].sort());

    const web = rows.find((row) => row.imageId === PROD_AMI_WEB);
    expect(web).toMatchObject({
      name: 'web-tier-golden-2026-11',
      state: 'available',
      ownership: 'owned',
      ownerId: DEMO_ACCOUNTS.prod,
      public: false,
      tags: { Name: 'web-tier-golden', Team: 'platform' },
    });
    expect(
      web?.disks.map((disk) => [disk.deviceName, disk.snapshotId, disk.encryption.key?.aliases]),
    ).toEqual([
      ['/dev/xvda', PROD_SNAPSHOT_WEB_ROOT, ['alias/ebs-workloads']],
      ['/dev/xvdb', PROD_SNAPSHOT_WEB_DATA, ['alias/ebs-workloads']],
    ]);
    const legacy = rows.find((row) => row.imageId === PROD_AMI_LEGACY);
    expect(legacy?.disks[0]).toMatchObject({
      snapshotId: PROD_SNAPSHOT_LEGACY_ROOT,
      encryption: { encrypted: true, key: { manager: 'aws', aliases: ['alias/aws/ebs'] } },
    });
  });

  it('reads an owned AMI launch permissions', async () => {
    const reader = createSharingReader(sandboxDeps(sandbox, testClientFactory({ maxAttempts: 1 })));
    const [answer] = await reader.read(
      [{ profileId: 'prod', region: 'us-east-1', id: PROD_AMI_WEB }],
      recordingContext().ctx,
    );
    expect(answer).toMatchObject({ accounts: [], public: false, organizations: [], error: null });
  });

  it('shows an AMI shared with the profile as shared, its disks encrypted under a key it cannot see', async () => {
    const ec2 = new EC2Client(sandbox.t.client('prod', 'us-east-1'));
    await ec2.send(
      new ModifyImageAttributeCommand({
        ImageId: PROD_AMI_WEB,
        LaunchPermission: { Add: [{ UserId: DEMO_ACCOUNTS.backup }] },
      }),
    );
    ec2.destroy();
    const inventory = createAmiInventory(
      sandboxDeps(sandbox, testClientFactory({ maxAttempts: 1 })),
    );
    const scope = [{ profileId: 'backup', region: 'us-east-1' }];
    await inventory.run({ scope, mode: 'full' }, recordingContext().ctx);
    const { rows } = await inventory.cached(scope);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      imageId: PROD_AMI_WEB,
      ownership: 'shared-with-me',
      ownerId: DEMO_ACCOUNTS.prod,
      tags: {},
    });
    expect(rows[0]?.disks.map((disk) => disk.encryption)).toEqual([
      { encrypted: true, key: null },
      { encrypted: true, key: null },
    ]);
  });
});
