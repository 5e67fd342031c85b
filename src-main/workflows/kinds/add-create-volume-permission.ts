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
import type { StepKind, StepPlace } from '../step-kind';
import { dryRunCheck } from './dry-run';
import { describeSnapshot } from './snapshots';

const params = z
  .object({
    snapshotId: z.string().min(1),
    accountId: z.string().regex(/^\d{12}$/),
    /** Shared with the account before this run (then undo leaves the sharing alone). */
    sharedAtPlanning: z.boolean().optional(),
  })
  .strict();
type Params = z.output<typeof params>;

export const change = (
  p: Pick<Params, 'snapshotId' | 'accountId'>,
  operation: 'Add' | 'Remove',
) => ({
  SnapshotId: p.snapshotId,
  CreateVolumePermission: { [operation]: [{ UserId: p.accountId }] },
});

export async function sharedWith(
  ec2: EC2Client,
  p: Pick<Params, 'snapshotId' | 'accountId'>,
): Promise<boolean> {
  const answer = await ec2.send(
    new DescribeSnapshotAttributeCommand({
      SnapshotId: p.snapshotId,
      Attribute: 'createVolumePermission',
    }),
  );
  return (answer.CreateVolumePermissions ?? []).some((perm) => perm.UserId === p.accountId);
}

/** Encrypted snapshots can be shared only under a customer managed key (reference §3.6). */
async function shareableCheck(place: StepPlace, p: Params): Promise<PreflightCheck> {
  const ec2 = await ec2Of(place.ctx, place.profileId, place.region);
  const snapshot = await describeSnapshot(ec2, p.snapshotId);
  const { stepId } = place;
  if (!snapshot.Encrypted || !snapshot.KmsKeyId) {
    return { stepId, status: 'ok', message: `${p.snapshotId} is not encrypted.` };
  }
  const key = await describeKey(place.ctx, { ...place, keyId: snapshot.KmsKeyId });
  return key.keyManager === 'AWS'
    ? {
        stepId,
        status: 'failed',
        message: `${p.snapshotId} is encrypted with the AWS managed key aws/ebs, which no other account may use: AWS refuses to share it. Re-encrypt a copy with a customer managed key and share that.`,
      }
    : {
        stepId,
        status: 'ok',
        message: `${p.snapshotId} is encrypted with customer managed key ${key.arn}.`,
      };
}

/** The API call and the AWS CLI line that add or remove one account's createVolumePermission. */
export const permissionCall = (operation: 'Add' | 'Remove') => ({
  action: (p: Pick<Params, 'snapshotId' | 'accountId'>) => ({
    service: 'ec2',
    operation: 'ModifySnapshotAttribute',
    params: change(p, operation),
  }),
  cli: (p: Pick<Params, 'snapshotId' | 'accountId'>) => ({
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
  title: (p) => `Share ${p.snapshotId} with account ${p.accountId}`,
  ...permissionCall('Add'),
  async prepare(place, p) {
    const ec2 = await ec2Of(place.ctx, place.profileId, place.region);
    return { ...p, sharedAtPlanning: await sharedWith(ec2, p) };
  },
  async check(place, p) {
    const ec2 = await ec2Of(place.ctx, place.profileId, place.region);
    return [
      await shareableCheck(place, p),
      await dryRunCheck(place.stepId, 'ModifySnapshotAttribute', () =>
        ec2.send(new ModifySnapshotAttributeCommand({ ...change(p, 'Add'), DryRun: true })),
      ),
    ];
  },
  async run(env, p) {
    const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
    await ec2.send(new ModifySnapshotAttributeCommand(change(p, 'Add')));
    env.checkpoint('sent');
    return {};
  },
  async verify(env, p) {
    if (!(await sharedWith(await ec2Of(env.ctx, env.profileId, env.region), p))) {
      throw new KeywardError('invalid-state', `${p.snapshotId} is not shared with ${p.accountId}.`);
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
      await ec2.send(new ModifySnapshotAttributeCommand(change(p, 'Remove')));
    },
  },
};
