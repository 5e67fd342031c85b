import {
  DescribeSnapshotAttributeCommand,
  ModifySnapshotAttributeCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import type { PreflightCheck } from '../../../src-shared/models/workflow-plan';
import { describeKey } from '../../key-operations/describe-key';
import { ec2Of } from '../../key-operations/key-context';
import { isRef, type StepKind, type StepPlace, type Value } from '../step-kind';
import { dryRunCheck } from './dry-run';
import { describeSnapshot } from './snapshots';
import { sharesRunCopyCheck } from './shares-run-copy';
import { valueSchema, valueText } from './values';

const params = z
  .object({
    /** A snapshot id, or an earlier step's re-encrypted copy (the aws/ebs path). */
    snapshotId: valueSchema,
    accountId: z.string().regex(/^\d{12}$/),
    /** Shared with the account before this run (then undo leaves the sharing alone). */
    sharedAtPlanning: z.boolean().optional(),
  })
  .strict();
type Params = z.output<typeof params>;

/** One account's createVolumePermission on a snapshot (maybe one an earlier step made). */
interface Permission<S extends Value> {
  readonly snapshotId: S;
  readonly accountId: string;
}

export const change = <S extends Value>(p: Permission<S>, operation: 'Add' | 'Remove') => ({
  SnapshotId: p.snapshotId,
  CreateVolumePermission: { [operation]: [{ UserId: p.accountId }] },
});

export async function sharedWith(ec2: EC2Client, p: Permission<string>): Promise<boolean> {
  const answer = await ec2.send(
    new DescribeSnapshotAttributeCommand({
      SnapshotId: p.snapshotId,
      Attribute: 'createVolumePermission',
    }),
  );
  return (answer.CreateVolumePermissions ?? []).some((perm) => perm.UserId === p.accountId);
}

/** Encrypted snapshots can be shared only under a customer managed key (reference §3.6). */
async function shareableCheck(
  place: StepPlace,
  p: Params,
  snapshotId: string,
): Promise<PreflightCheck> {
  const ec2 = await ec2Of(place.ctx, place.profileId, place.region);
  const snapshot = await describeSnapshot(ec2, snapshotId);
  const { stepId } = place;
  if (!snapshot.Encrypted || !snapshot.KmsKeyId) {
    return { stepId, status: 'ok', message: `${p.snapshotId} is not encrypted.` };
  }
  const key = await describeKey(place.ctx, { ...place, keyId: snapshot.KmsKeyId });
  return key.keyManager === 'AWS'
    ? {
        stepId,
        status: 'failed',
        message: `${snapshotId} is encrypted with the AWS managed key aws/ebs, which no other account may use: AWS refuses to share it. Re-encrypt a copy with a customer managed key and share that.`,
      }
    : {
        stepId,
        status: 'ok',
        message: `${snapshotId} is encrypted with customer managed key ${key.arn}.`,
      };
}

/** The API call and the AWS CLI line that add or remove one account's createVolumePermission. */
export const permissionCall = (operation: 'Add' | 'Remove') => ({
  action: (p: Permission<Value>) => ({
    service: 'ec2',
    operation: 'ModifySnapshotAttribute',
    params: change(p, operation),
  }),
  cli: (p: Permission<Value>) => ({
    args: [
      'ec2',
      'modify-snapshot-attribute',
      '--snapshot-id',
      p.snapshotId,
      '--attribute',
      'createVolumePermission',
      '--operation-type',
      operation.toLowerCase(),
      '--user-ids',
      p.accountId,
    ],
  }),
});

/** Shares a snapshot with an account (createVolumePermission); undo removes just that account. */
export const addCreateVolumePermissionKind: StepKind<Params> = {
  name: 'add-create-volume-permission',
  params,
  outputs: [],
  title: (p) => `Share ${valueText(p.snapshotId)} with account ${p.accountId}`,
  ...permissionCall('Add'),
  async prepare(place, p) {
    if (isRef(p.snapshotId)) return { ...p, sharedAtPlanning: false };
    const ec2 = await ec2Of(place.ctx, place.profileId, place.region);
    return { ...p, sharedAtPlanning: await sharedWith(ec2, { ...p, snapshotId: p.snapshotId }) };
  },
  async check(place, p) {
    const snapshotId = p.snapshotId;
    if (isRef(snapshotId)) {
      return [sharesRunCopyCheck(place, snapshotId)];
    }
    const ec2 = await ec2Of(place.ctx, place.profileId, place.region);
    return [
      await shareableCheck(place, p, snapshotId),
      await dryRunCheck(place.stepId, 'ModifySnapshotAttribute', () =>
        ec2.send(
          new ModifySnapshotAttributeCommand({
            ...change({ ...p, snapshotId }, 'Add'),
            DryRun: true,
          }),
        ),
      ),
    ];
  },
  async run(env, p) {
    const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
    await ec2.send(
      new ModifySnapshotAttributeCommand(
        change({ ...p, snapshotId: env.resolve(p.snapshotId) }, 'Add'),
      ),
    );
    env.checkpoint('sent');
    return {};
  },
  async verify(env, p) {
    const snapshotId = env.resolve(p.snapshotId);
    if (
      !(await sharedWith(await ec2Of(env.ctx, env.profileId, env.region), { ...p, snapshotId }))
    ) {
      throw new KeywardError('invalid-state', `${snapshotId} is not shared with ${p.accountId}.`);
    }
  },
  undo: {
    describe: (p) =>
      p.sharedAtPlanning === true
        ? `Nothing: the snapshot was shared with account ${p.accountId} before this run.`
        : `Stops sharing the snapshot with account ${p.accountId}.`,
    deletes: false,
    async run(env, p) {
      if (p.sharedAtPlanning === true) return;
      const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
      const snapshotId = env.resolve(p.snapshotId);
      await ec2.send(new ModifySnapshotAttributeCommand(change({ ...p, snapshotId }, 'Remove')));
    },
  },
};
