import {
  DescribeImageAttributeCommand,
  ModifyImageAttributeCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import type { PreflightCheck } from '../../../src-shared/models/workflow-plan';
import { describeKey } from '../../key-operations/describe-key';
import { ec2Of } from '../../key-operations/key-context';
import { isRef, type StepKind, type StepPlace, type Value } from '../step-kind';
import { dryRunCheck } from './dry-run';
import { backingSnapshotIds, describeImage } from './images';
import { describeSnapshot } from './snapshots';
import { sharesRunCopyCheck } from './shares-run-copy';
import { valueSchema, valueText } from './values';

const params = z
  .object({
    /** An AMI id, or the owner's re-encrypted copy an earlier step made (the aws/ebs path). */
    imageId: valueSchema,
    accountId: z.string().regex(/^\d{12}$/),
    /** Shared with the account before this run (then undo leaves the sharing alone). */
    sharedAtPlanning: z.boolean().optional(),
  })
  .strict();
type Params = z.output<typeof params>;

/** One account's launch permission on an AMI (maybe one an earlier step made). */
interface LaunchPermission<I extends Value = string> {
  readonly imageId: I;
  readonly accountId: string;
}

/** ModifyImageAttribute's parameters that add or remove one account's launch permission. */
export const launchPermissionChange = <I extends Value>(
  p: LaunchPermission<I>,
  operation: 'Add' | 'Remove',
) => ({
  ImageId: p.imageId,
  LaunchPermission: { [operation]: [{ UserId: p.accountId }] },
});

/** Whether the AMI's launch permission names the account. */
export async function launchableBy(ec2: EC2Client, p: LaunchPermission): Promise<boolean> {
  const answer = await ec2.send(
    new DescribeImageAttributeCommand({ ImageId: p.imageId, Attribute: 'launchPermission' }),
  );
  return (answer.LaunchPermissions ?? []).some((perm) => perm.UserId === p.accountId);
}

/** The snapshots of the AMI on the AWS managed key, which AWS refuses to share (reference §3.6). */
async function awsManagedSnapshots(place: StepPlace, imageId: string): Promise<string[]> {
  const ec2 = await ec2Of(place.ctx, place.profileId, place.region);
  const image = await describeImage(ec2, imageId);
  const found: string[] = [];
  for (const snapshotId of backingSnapshotIds(image)) {
    const snapshot = await describeSnapshot(ec2, snapshotId);
    if (!snapshot.Encrypted || !snapshot.KmsKeyId) continue;
    const key = await describeKey(place.ctx, { ...place, keyId: snapshot.KmsKeyId });
    if (key.keyManager === 'AWS') found.push(snapshotId);
  }
  return found;
}

async function shareableCheck(place: StepPlace, imageId: string): Promise<PreflightCheck> {
  const managed = await awsManagedSnapshots(place, imageId);
  const { stepId } = place;
  if (managed.length === 0) {
    return {
      stepId,
      status: 'ok',
      message: `No backing snapshot of ${imageId} is on the AWS managed key aws/ebs.`,
    };
  }
  return {
    stepId,
    status: 'failed',
    message: `${imageId} is backed by ${managed.join(', ')}, encrypted with the AWS managed key aws/ebs, which no other account may use: AWS refuses to share the AMI. Choose a customer managed key to re-encrypt it with (the wizard's Then step): Keyward then copies the AMI under that key first and shares the copy. By hand: aws ec2 copy-image --encrypted --kms-key-id <your key>, and share the copy.`,
  };
}

/** Shares an AMI with an account (launchPermission); undo removes just that account. */
export const addLaunchPermissionKind: StepKind<Params> = {
  name: 'add-launch-permission',
  params,
  outputs: [],
  title: (p) => `Let account ${p.accountId} launch ${valueText(p.imageId)}`,
  action: (p) => ({
    service: 'ec2',
    operation: 'ModifyImageAttribute',
    params: launchPermissionChange(p, 'Add'),
  }),
  cli: (p) => ({
    args: [
      'ec2',
      'modify-image-attribute',
      '--image-id',
      p.imageId,
      '--launch-permission',
      JSON.stringify({ Add: [{ UserId: p.accountId }] }),
    ],
  }),
  async prepare(place, p) {
    const imageId = p.imageId;
    if (isRef(imageId)) return { ...p, sharedAtPlanning: false };
    const ec2 = await ec2Of(place.ctx, place.profileId, place.region);
    return { ...p, sharedAtPlanning: await launchableBy(ec2, { ...p, imageId }) };
  },
  async check(place, p) {
    const imageId = p.imageId;
    if (isRef(imageId)) {
      return [sharesRunCopyCheck(place, imageId)];
    }
    const ec2 = await ec2Of(place.ctx, place.profileId, place.region);
    return [
      await shareableCheck(place, imageId),
      await dryRunCheck(place.stepId, 'ModifyImageAttribute', () =>
        ec2.send(
          new ModifyImageAttributeCommand({
            ...launchPermissionChange({ ...p, imageId }, 'Add'),
            DryRun: true,
          }),
        ),
      ),
    ];
  },
  async run(env, p) {
    const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
    const imageId = env.resolve(p.imageId);
    await ec2.send(
      new ModifyImageAttributeCommand(launchPermissionChange({ ...p, imageId }, 'Add')),
    );
    env.checkpoint('sent');
    return {};
  },
  async verify(env, p) {
    const imageId = env.resolve(p.imageId);
    if (!(await launchableBy(await ec2Of(env.ctx, env.profileId, env.region), { ...p, imageId }))) {
      throw new KeywardError('invalid-state', `${imageId} is not shared with ${p.accountId}.`);
    }
  },
  undo: {
    describe: (p) =>
      p.sharedAtPlanning === true
        ? `Nothing: the AMI was shared with account ${p.accountId} before this run.`
        : `Stops sharing the AMI with account ${p.accountId}.`,
    deletes: false,
    async run(env, p) {
      if (p.sharedAtPlanning === true) return;
      const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
      const imageId = env.resolve(p.imageId);
      await ec2.send(
        new ModifyImageAttributeCommand(launchPermissionChange({ ...p, imageId }, 'Remove')),
      );
    },
  },
};
