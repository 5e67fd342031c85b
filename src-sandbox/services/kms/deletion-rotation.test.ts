import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  DisableKeyRotationCommand,
  EnableKeyCommand,
  EnableKeyRotationCommand,
  GetKeyRotationStatusCommand,
  ListAliasesCommand,
  ListKeyRotationsCommand,
  ListKeysCommand,
  ReplicateKeyCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
} from '@aws-sdk/client-kms';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoKey } from '../../seed/demo-keys';
import { errorOf, startKmsKit, type KmsKit } from './kms-test-kit';

const DAY = 86_400_000;
let offset = 0;
let kit: KmsKit;
beforeAll(async () => {
  // A clock the tests can move; SigV4 skew is widened so that the SDK's signatures still pass.
  kit = await startKmsKit({
    now: () => new Date(Date.now() + offset),
    maxSkewMs: 3650 * DAY,
    lookupEventsRate: 'off',
  });
});
afterAll(async () => {
  await kit.t.stop();
});

const newKey = async () => (await kit.kms().send(new CreateKeyCommand({}))).KeyMetadata;

describe('deletion lifecycle', () => {
  it('schedules, cancels (→ Disabled), reschedules and deletes when the window ends', async () => {
    const m = await newKey();
    const KeyId = m?.KeyId;
    await kit.kms().send(new CreateAliasCommand({ AliasName: 'alias/doomed', TargetKeyId: KeyId }));
    const s = await kit
      .kms()
      .send(new ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays: 7 }));
    expect(s).toMatchObject({ KeyId: m?.Arn, KeyState: 'PendingDeletion', PendingWindowInDays: 7 });
    expect(Math.round(((s.DeletionDate?.getTime() ?? 0) - Date.now() - offset) / DAY)).toBe(7);
    expect(await errorOf(kit.kms().send(new ScheduleKeyDeletionCommand({ KeyId })))).toEqual({
      name: 'KMSInvalidStateException',
      message: `${m?.Arn} is pending deletion.`,
    });
    const tag = await errorOf(
      kit.kms().send(new TagResourceCommand({ KeyId, Tags: [{ TagKey: 'a', TagValue: 'b' }] })),
    );
    expect(tag.name).toBe('KMSInvalidStateException');
    await kit.kms().send(new CancelKeyDeletionCommand({ KeyId }));
    const d = await kit.kms().send(new DescribeKeyCommand({ KeyId }));
    expect(d.KeyMetadata).toMatchObject({ KeyState: 'Disabled', Enabled: false });
    expect(d.KeyMetadata?.DeletionDate).toBeUndefined();
    expect(await errorOf(kit.kms().send(new CancelKeyDeletionCommand({ KeyId })))).toEqual({
      name: 'KMSInvalidStateException',
      message: `${m?.Arn} is not pending deletion.`,
    });
    await kit.kms().send(new ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays: 7 }));
    offset += 8 * DAY;
    try {
      expect((await errorOf(kit.kms().send(new DescribeKeyCommand({ KeyId })))).name).toBe(
        'NotFoundException',
      );
      const keys = await kit.kms().send(new ListKeysCommand({ Limit: 1000 }));
      expect(keys.Keys?.some((k) => k.KeyId === KeyId)).toBe(false);
      const aliases = await kit.kms().send(new ListAliasesCommand({ Limit: 100 }));
      expect(aliases.Aliases?.some((a) => a.AliasName === 'alias/doomed')).toBe(false);
    } finally {
      offset -= 8 * DAY;
    }
  });

  it('keeps a multi-Region primary in PendingReplicaDeletion until its replicas are gone', async () => {
    const m = (await kit.kms().send(new CreateKeyCommand({ MultiRegion: true }))).KeyMetadata;
    const KeyId = m?.KeyId;
    await kit.kms().send(new ReplicateKeyCommand({ KeyId, ReplicaRegion: 'us-west-2' }));
    const s = await kit
      .kms()
      .send(new ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays: 10 }));
    expect(s.KeyState).toBe('PendingReplicaDeletion');
    expect(s.DeletionDate).toBeUndefined();
    let d = await kit.kms().send(new DescribeKeyCommand({ KeyId }));
    expect(d.KeyMetadata).toMatchObject({
      KeyState: 'PendingReplicaDeletion',
      PendingDeletionWindowInDays: 10,
    });
    const west = kit.kms('prod', 'us-west-2');
    await west.send(new ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays: 7 }));
    offset += 8 * DAY;
    try {
      expect((await errorOf(west.send(new DescribeKeyCommand({ KeyId })))).name).toBe(
        'NotFoundException',
      );
      d = await kit.kms().send(new DescribeKeyCommand({ KeyId }));
      expect(d.KeyMetadata?.KeyState).toBe('PendingDeletion');
      expect(d.KeyMetadata?.MultiRegionConfiguration?.ReplicaKeys).toEqual([]);
    } finally {
      offset -= 8 * DAY;
    }
  });

  it('validates the waiting period', async () => {
    const m = await newKey();
    const e = await errorOf(
      kit.kms().send(new ScheduleKeyDeletionCommand({ KeyId: m?.KeyId, PendingWindowInDays: 3 })),
    );
    expect(e).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '3' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value greater than or equal to 7",
    });
  });

  it('shows the seeded pending-deletion key 20 days ahead', async () => {
    const key = demoKey('old-reporting');
    const d = await kit.kms().send(new DescribeKeyCommand({ KeyId: key.keyId }));
    expect(d.KeyMetadata?.KeyState).toBe('PendingDeletion');
    const days = ((d.KeyMetadata?.DeletionDate?.getTime() ?? 0) - Date.now()) / DAY;
    expect(Math.round(days)).toBe(20);
  });
});

describe('rotation', () => {
  it('enables, reads and disables automatic rotation', async () => {
    const KeyId = (await newKey())?.KeyId;
    let s = await kit.kms().send(new GetKeyRotationStatusCommand({ KeyId }));
    expect(s.KeyRotationEnabled).toBe(false);
    await kit.kms().send(new EnableKeyRotationCommand({ KeyId, RotationPeriodInDays: 90 }));
    s = await kit.kms().send(new GetKeyRotationStatusCommand({ KeyId }));
    expect(s).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 90 });
    expect(Math.round(((s.NextRotationDate?.getTime() ?? 0) - Date.now()) / DAY)).toBe(90);
    const bad = await errorOf(
      kit.kms().send(new EnableKeyRotationCommand({ KeyId, RotationPeriodInDays: 89 })),
    );
    expect(bad.name).toBe('ValidationException');
    await kit.kms().send(new DisableKeyRotationCommand({ KeyId }));
    s = await kit.kms().send(new GetKeyRotationStatusCommand({ KeyId }));
    expect(s.KeyRotationEnabled).toBe(false);
  });

  it('rotates on demand and lists rotations', async () => {
    const m = await newKey();
    const KeyId = m?.KeyId;
    const r = await kit.kms().send(new RotateKeyOnDemandCommand({ KeyId }));
    expect(r.KeyId).toBe(m?.Arn);
    const d = await kit.kms().send(new DescribeKeyCommand({ KeyId }));
    expect(d.KeyMetadata?.CurrentKeyMaterialId).not.toBe(m?.CurrentKeyMaterialId);
    const list = await kit.kms().send(new ListKeyRotationsCommand({ KeyId }));
    expect(list.Rotations).toHaveLength(1);
    expect(list.Rotations?.[0]).toMatchObject({
      KeyMaterialId: d.KeyMetadata?.CurrentKeyMaterialId,
      RotationType: 'ON_DEMAND',
      KeyMaterialState: 'CURRENT',
    });
    const all = await kit
      .kms()
      .send(new ListKeyRotationsCommand({ KeyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' }));
    expect(all.Rotations?.map((x) => x.KeyMaterialId)).toEqual([
      m?.CurrentKeyMaterialId,
      d.KeyMetadata?.CurrentKeyMaterialId,
    ]);
    expect(all.Truncated).toBe(false);
  });

  it('refuses rotation for asymmetric keys and disabled keys, and limits on-demand rotations', async () => {
    const rsa = await kit
      .kms()
      .send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }));
    const KeyId = rsa.KeyMetadata?.KeyId;
    for (const cmd of [
      new RotateKeyOnDemandCommand({ KeyId }),
      new EnableKeyRotationCommand({ KeyId }),
      new GetKeyRotationStatusCommand({ KeyId }),
    ]) {
      expect((await errorOf(kit.kms().send(cmd as RotateKeyOnDemandCommand))).name).toBe(
        'UnsupportedOperationException',
      );
    }
    const sym = (await newKey())?.KeyId;
    await kit.kms().send(new DisableKeyCommand({ KeyId: sym }));
    const disabled = await errorOf(kit.kms().send(new RotateKeyOnDemandCommand({ KeyId: sym })));
    expect(disabled.name).toBe('DisabledException');
    await kit.kms().send(new EnableKeyCommand({ KeyId: sym }));
    for (let i = 0; i < 25; i++) await kit.kms().send(new RotateKeyOnDemandCommand({ KeyId: sym }));
    const limit = await errorOf(kit.kms().send(new RotateKeyOnDemandCommand({ KeyId: sym })));
    expect(limit.name).toBe('LimitExceededException');
  });

  it('rotates automatically when the next rotation date has passed', async () => {
    const m = await newKey();
    const KeyId = m?.KeyId;
    await kit.kms().send(new EnableKeyRotationCommand({ KeyId, RotationPeriodInDays: 90 }));
    offset += 91 * DAY;
    try {
      const list = await kit.kms().send(new ListKeyRotationsCommand({ KeyId }));
      expect(list.Rotations?.map((r) => r.RotationType)).toEqual(['AUTOMATIC']);
      const trail = new CloudTrailClient(kit.t.client('prod'));
      const found = await trail.send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'RotateKey' }],
        }),
      );
      const records = (found.Events ?? []).map((e) => JSON.parse(e.CloudTrailEvent ?? '{}'));
      expect(records).toContainEqual(
        expect.objectContaining({
          eventType: 'AwsServiceEvent',
          userIdentity: { accountId: '111111111111', invokedBy: 'AWS Internal' },
          serviceEventDetails: { keyId: KeyId },
        }),
      );
      const s = await kit.kms().send(new GetKeyRotationStatusCommand({ KeyId }));
      expect(Math.round(((s.NextRotationDate?.getTime() ?? 0) - Date.now() - offset) / DAY)).toBe(
        89,
      );
    } finally {
      offset -= 91 * DAY;
    }
  });

  it('seeds rotation history for rotating demo keys', async () => {
    const list = await kit
      .kms()
      .send(new ListKeyRotationsCommand({ KeyId: demoKey('ebs-workloads').keyId }));
    expect(list.Rotations?.some((r) => r.RotationType === 'AUTOMATIC')).toBe(true);
    const app = await kit
      .kms()
      .send(new ListKeyRotationsCommand({ KeyId: demoKey('app-data').keyId }));
    expect(app.Rotations?.some((r) => r.RotationType === 'ON_DEMAND')).toBe(true);
  });
});
