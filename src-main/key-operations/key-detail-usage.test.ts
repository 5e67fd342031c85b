import {
  ModifyEbsDefaultKmsKeyIdCommand,
  ResetEbsDefaultKmsKeyIdCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { demoKey, demoKeyArn } from '../../src-sandbox/seed/demo-keys';
import {
  PROD_AMI_WEB,
  PROD_SNAPSHOT_DB_NIGHTLY,
  PROD_SNAPSHOT_WEB_DATA,
  PROD_SNAPSHOT_WEB_ROOT,
  PROD_VOLUME_DB_DATA,
  PROD_VOLUME_WEB_ROOT,
} from '../../src-sandbox/seed/ec2';
import { ec2Of } from './key-context';
import { keyDetail } from './key-detail';
import { deletionImpact, keyUsage } from './key-usage';
import { PROD_E1, useKeyOperations } from './testing/key-test-kit';

const { keys } = useKeyOperations();

const workloads = demoKey('ebs-workloads');
const WORKLOADS = { ...PROD_E1, keyId: demoKeyArn(workloads) };

describe('keys.detail', () => {
  it('reads every part of a key', async () => {
    const detail = await keyDetail(keys, { ...PROD_E1, keyId: demoKeyArn(demoKey('app-data')) });
    expect(detail.metadata).toMatchObject({
      keyId: demoKey('app-data').keyId,
      keyManager: 'CUSTOMER',
    });
    expect(detail.policy.ok && JSON.parse(detail.policy.value.document)).toHaveProperty(
      'Statement',
    );
    expect(detail.rotation).toMatchObject({ ok: true, value: { enabled: true, periodDays: 365 } });
    expect(detail.aliases.ok && detail.aliases.value.map((a) => a.aliasName)).toContain(
      'alias/app-data',
    );
    expect(detail.tags.ok && detail.tags.value).toContainEqual({ key: 'Team', value: 'platform' });
    expect(detail.grants.ok).toBe(true);
    expect(detail.publicKey).toEqual({ ok: true, value: null });
  });

  it('reads imported, disabled, pending-deletion, replica and AWS managed keys without surprises', async () => {
    const refs = [
      ...['byok-import', 'retired-analytics', 'old-reporting'].map((name) =>
        demoKeyArn(demoKey(name)),
      ),
      demoKeyArn(demoKey('global-orders'), 'eu-west-1'),
      'alias/aws/ebs',
    ];
    for (const keyId of refs) {
      const region = keyId.includes('eu-west-1') ? 'eu-west-1' : 'us-east-1';
      const detail = await keyDetail(keys, { profileId: 'prod', region, keyId });
      const { metadata, ...parts } = detail;
      for (const [name, part] of Object.entries(parts)) {
        expect(part.ok || part.error.code, `${metadata.arn} ${name}`).not.toBe('internal');
      }
    }
    const managed = await keyDetail(keys, { ...PROD_E1, keyId: 'alias/aws/ebs' });
    expect(managed.metadata.keyManager).toBe('AWS');
    expect(managed.rotation).toMatchObject({ ok: true, value: { enabled: true } });
  });

  it('shows a refused part as its own error and the rest still', async () => {
    const detail = await keyDetail(keys, {
      profileId: 'prod-developer',
      region: 'us-east-1',
      keyId: demoKeyArn(demoKey('code-signing')),
    });
    expect(detail.metadata.keySpec).toBe('RSA_3072');
    expect(detail.policy).toMatchObject({
      ok: false,
      error: {
        code: 'access-denied',
        aws: { code: 'AccessDeniedException', operation: 'GetKeyPolicy' },
      },
    });
    expect(detail.publicKey).toMatchObject({ ok: false, error: { code: 'access-denied' } });
    expect(detail.aliases).toMatchObject({
      ok: true,
      value: [{ aliasName: 'alias/code-signing' }],
    });
  });

  it('gives an asymmetric key’s public key as PEM and a multi-Region key’s replicas', async () => {
    const rsa = await keyDetail(keys, {
      ...PROD_E1,
      keyId: demoKeyArn(demoKey('partner-exchange')),
    });
    expect(rsa.publicKey.ok && rsa.publicKey.value?.pem).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n$/,
    );
    const global = await keyDetail(keys, {
      ...PROD_E1,
      keyId: demoKeyArn(demoKey('global-orders')),
    });
    expect(global.metadata.multiRegionConfiguration).toMatchObject({ role: 'PRIMARY' });
    expect(global.metadata.multiRegionConfiguration?.replicas.map((r) => r.region).sort()).toEqual([
      'ap-southeast-2',
      'eu-west-1',
    ]);
  });
});

describe('keys.usage and the deletion impact', () => {
  it('finds the demo world’s volumes, snapshots and AMI on ebs-workloads', async () => {
    const usage = await keyUsage(keys, WORKLOADS, [
      PROD_E1,
      { profileId: 'backup', region: 'us-west-2' },
    ]);
    expect(usage.snapshots.map((s) => s.snapshotId).sort()).toEqual(
      [PROD_SNAPSHOT_DB_NIGHTLY, PROD_SNAPSHOT_WEB_ROOT, PROD_SNAPSHOT_WEB_DATA].sort(),
    );
    expect(usage.volumes.map((v) => v.volumeId).sort()).toEqual(
      [PROD_VOLUME_WEB_ROOT, PROD_VOLUME_DB_DATA].sort(),
    );
    expect(usage.images).toEqual([
      expect.objectContaining({
        imageId: PROD_AMI_WEB,
        snapshotIds: [PROD_SNAPSHOT_WEB_ROOT, PROD_SNAPSHOT_WEB_DATA],
      }),
    ]);
    expect(usage.scope).toEqual([
      expect.objectContaining({ ...PROD_E1, accountId: '111111111111', error: null }),
      expect.objectContaining({ profileId: 'backup', accountId: '222222222222', error: null }),
    ]);
  });

  it('finds resources given by alias too, and reports a scope entry that failed without losing the rest', async () => {
    const usage = await keyUsage(keys, { ...PROD_E1, keyId: 'alias/ebs-workloads' }, [
      PROD_E1,
      { profileId: 'nobody', region: 'us-east-1' },
    ]);
    expect(usage.snapshots).toHaveLength(3);
    expect(usage.scope[1]?.error).not.toBeNull();
  });

  it('reports the usage, the default EBS key setting and the aliases before deletion', async () => {
    const ec2 = await ec2Of(keys, 'prod', 'us-east-1');
    await ec2.send(new ModifyEbsDefaultKmsKeyIdCommand({ KmsKeyId: 'alias/ebs-workloads' }));
    try {
      const impact = await deletionImpact(keys, WORKLOADS);
      expect(impact.defaultEbsKeyIn).toEqual([PROD_E1]);
      expect(impact.aliases.map((a) => a.aliasName)).toEqual(['alias/ebs-workloads']);
      expect(impact.usage.snapshots).toHaveLength(3);
      expect(impact.summary).toContain('3 snapshot(s)');
      expect(impact.summary).toContain('default EBS key');
    } finally {
      await ec2.send(new ResetEbsDefaultKmsKeyIdCommand({}));
    }
    const unused = await deletionImpact(keys, {
      ...PROD_E1,
      keyId: demoKeyArn(demoKey('payments-legacy')),
    });
    expect(unused.defaultEbsKeyIn).toEqual([]);
    expect(unused.summary).toContain('No volume');
  });
});
