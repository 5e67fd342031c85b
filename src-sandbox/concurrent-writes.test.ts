import {
  DescribeImageAttributeCommand,
  DescribeSnapshotAttributeCommand,
  EC2Client,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
} from '@aws-sdk/client-ec2';
import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  CreateGrantCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  KMSClient,
  ListAliasesCommand,
  ListGrantsCommand,
  ListResourceTagsCommand,
  PutKeyPolicyCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROD_AMI_WEB, PROD_SNAPSHOT_DB_NIGHTLY } from './seed/ec2';
import { startTestSandbox, type TestSandbox } from './testing/test-sandbox';
import { runMixedWorkload } from './testing/mixed-workload';

/**
 * The official SDK sends calls in parallel: every test here fires 40 at once and checks that
 * the sandbox answered and kept them as if they had run one after the other.
 */
const PARALLEL = 40;

let t: TestSandbox;
let kms: KMSClient;
beforeAll(async () => {
  t = await startTestSandbox({ lookupEventsRate: 'off' });
  kms = new KMSClient(t.client('prod'));
});
afterAll(async () => {
  await t.stop();
});

const newKey = async (): Promise<string> =>
  (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId ?? '';

/** Runs `call(i)` for i < PARALLEL at once; resolves to each outcome (error name or 'ok'). */
async function fireAtOnce(call: (i: number) => Promise<unknown>): Promise<string[]> {
  const settled = await Promise.allSettled(Array.from({ length: PARALLEL }, (_, i) => call(i)));
  return settled.map((s) =>
    s.status === 'fulfilled' ? 'ok' : ((s.reason as { name?: string }).name ?? 'Error'),
  );
}

const count = (outcomes: readonly string[], name: string): number =>
  outcomes.filter((o) => o === name).length;

describe('the sandbox under 40 parallel writes', () => {
  it('CreateAlias of one name: exactly one call wins, the others get AlreadyExistsException', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, newKey));
    const outcomes = await fireAtOnce((i) =>
      kms.send(
        new CreateAliasCommand({ AliasName: 'alias/race/one', TargetKeyId: keys[i % keys.length] }),
      ),
    );
    expect(count(outcomes, 'ok')).toBe(1);
    expect(count(outcomes, 'AlreadyExistsException')).toBe(PARALLEL - 1);
    const winner = keys[outcomes.indexOf('ok') % keys.length];
    const aliases = (await kms.send(new ListAliasesCommand({}))).Aliases ?? [];
    expect(aliases.filter((a) => a.AliasName === 'alias/race/one')).toEqual([
      expect.objectContaining({ TargetKeyId: winner }),
    ]);
  });

  it('TagResource and UntagResource on one key: no tag is lost or left behind', async () => {
    const key = await newKey();
    const tagKeys = Array.from(
      { length: PARALLEL },
      (_, i) => `team-${String(i).padStart(2, '0')}`,
    );
    const tagged = await fireAtOnce((i) =>
      kms.send(
        new TagResourceCommand({ KeyId: key, Tags: [{ TagKey: tagKeys[i], TagValue: `${i}` }] }),
      ),
    );
    expect(tagged).toEqual(Array(PARALLEL).fill('ok'));
    const listed = (await kms.send(new ListResourceTagsCommand({ KeyId: key }))).Tags ?? [];
    expect(listed.map((tag) => tag.TagKey).sort()).toEqual(tagKeys);

    const untagged = await fireAtOnce((i) =>
      kms.send(new UntagResourceCommand({ KeyId: key, TagKeys: [tagKeys[i] ?? ''] })),
    );
    expect(untagged).toEqual(Array(PARALLEL).fill('ok'));
    expect((await kms.send(new ListResourceTagsCommand({ KeyId: key }))).Tags).toEqual([]);
  });

  it('CreateGrant on one key: every grant is kept', async () => {
    const key = await newKey();
    const grantee = 'arn:aws:iam::111111111111:role/app';
    const outcomes = await fireAtOnce((i) =>
      kms.send(
        new CreateGrantCommand({
          KeyId: key,
          GranteePrincipal: grantee,
          Operations: ['Decrypt'],
          Name: `grant-${i}`,
        }),
      ),
    );
    expect(outcomes).toEqual(Array(PARALLEL).fill('ok'));
    const grants = (await kms.send(new ListGrantsCommand({ KeyId: key, Limit: 100 }))).Grants ?? [];
    expect(grants.map((g) => g.Name).sort()).toEqual(
      Array.from({ length: PARALLEL }, (_, i) => `grant-${i}`).sort(),
    );
  });

  it('ScheduleKeyDeletion and CancelKeyDeletion: one of each wins, the rest see the new state', async () => {
    const key = await newKey();
    const scheduled = await fireAtOnce(() =>
      kms.send(new ScheduleKeyDeletionCommand({ KeyId: key, PendingWindowInDays: 7 })),
    );
    expect(count(scheduled, 'ok')).toBe(1);
    expect(count(scheduled, 'KMSInvalidStateException')).toBe(PARALLEL - 1);
    const pending = await kms.send(new DescribeKeyCommand({ KeyId: key }));
    expect(pending.KeyMetadata?.KeyState).toBe('PendingDeletion');

    const cancelled = await fireAtOnce(() =>
      kms.send(new CancelKeyDeletionCommand({ KeyId: key })),
    );
    expect(count(cancelled, 'ok')).toBe(1);
    expect(count(cancelled, 'KMSInvalidStateException')).toBe(PARALLEL - 1);
    const after = await kms.send(new DescribeKeyCommand({ KeyId: key }));
    expect(after.KeyMetadata?.KeyState).toBe('Disabled');
  });

  it('ModifySnapshotAttribute add and remove: every account is shared, then every one removed', async () => {
    const ec2 = new EC2Client(t.client('prod'));
    const accounts = Array.from({ length: PARALLEL }, (_, i) => String(444400000000 + i));
    const change = (kind: 'Add' | 'Remove', account: string) =>
      ec2.send(
        new ModifySnapshotAttributeCommand({
          SnapshotId: PROD_SNAPSHOT_DB_NIGHTLY,
          Attribute: 'createVolumePermission',
          CreateVolumePermission: { [kind]: [{ UserId: account }] },
        }),
      );
    const shared = async () =>
      (
        (
          await ec2.send(
            new DescribeSnapshotAttributeCommand({
              SnapshotId: PROD_SNAPSHOT_DB_NIGHTLY,
              Attribute: 'createVolumePermission',
            }),
          )
        ).CreateVolumePermissions ?? []
      )
        .map((p) => p.UserId ?? '')
        .sort();

    expect(await fireAtOnce((i) => change('Add', accounts[i] ?? ''))).toEqual(
      Array(PARALLEL).fill('ok'),
    );
    expect(await shared()).toEqual(accounts);
    expect(await fireAtOnce((i) => change('Remove', accounts[i] ?? ''))).toEqual(
      Array(PARALLEL).fill('ok'),
    );
    expect(await shared()).toEqual([]);
  });

  it('PutKeyPolicy on one key: the policy ends as one whole document that was sent', async () => {
    const key = await newKey();
    const policies = Array.from({ length: PARALLEL }, (_, i) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'Enable IAM User Permissions',
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::111111111111:root' },
            Action: 'kms:*',
            Resource: '*',
          },
          {
            Sid: `writer-${i}`,
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${444400000000 + i}:root` },
            Action: 'kms:Decrypt',
            Resource: '*',
          },
        ],
      }),
    );
    const outcomes = await fireAtOnce((i) =>
      kms.send(new PutKeyPolicyCommand({ KeyId: key, PolicyName: 'default', Policy: policies[i] })),
    );
    expect(outcomes).toEqual(Array(PARALLEL).fill('ok'));
    const { Policy } = await kms.send(
      new GetKeyPolicyCommand({ KeyId: key, PolicyName: 'default' }),
    );
    expect(policies).toContain(Policy);
  });

  it('ModifyImageAttribute add and remove: every account may launch, then none', async () => {
    const ec2 = new EC2Client(t.client('prod'));
    const accounts = Array.from({ length: PARALLEL }, (_, i) => String(555500000000 + i));
    const change = (kind: 'Add' | 'Remove', account: string) =>
      ec2.send(
        new ModifyImageAttributeCommand({
          ImageId: PROD_AMI_WEB,
          LaunchPermission: { [kind]: [{ UserId: account }] },
        }),
      );
    const launchers = async () =>
      (
        (
          await ec2.send(
            new DescribeImageAttributeCommand({
              ImageId: PROD_AMI_WEB,
              Attribute: 'launchPermission',
            }),
          )
        ).LaunchPermissions ?? []
      )
        .map((p) => p.UserId ?? '')
        .sort();

    expect(await fireAtOnce((i) => change('Add', accounts[i] ?? ''))).toEqual(
      Array(PARALLEL).fill('ok'),
    );
    expect(await launchers()).toEqual(accounts);
    expect(await fireAtOnce((i) => change('Remove', accounts[i] ?? ''))).toEqual(
      Array(PARALLEL).fill('ok'),
    );
    expect(await launchers()).toEqual([]);
  });

  it('a mixed random workload answers and ends as the same calls run one by one in commit order', async () => {
    const report = await runMixedWorkload(t, kms, { calls: 400, parallel: PARALLEL, seed: 9 });
    expect(report.mismatchedOutcomes).toEqual([]);
    expect(report.finalState).toEqual(report.modelState);
    // The workload is only a test if calls both won and lost races.
    expect(report.outcomeCounts.ok).toBeGreaterThan(50);
    expect(Object.keys(report.outcomeCounts).length).toBeGreaterThan(2);
  });
});
