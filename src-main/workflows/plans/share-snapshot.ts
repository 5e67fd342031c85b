import type { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import type { StepSpec } from '../../../src-shared/models/workflow-plan';
import type { shareSnapshotRequest } from '../../../src-shared/schemas/workflow-request';
import { customerKey, describeKey } from '../../key-operations/describe-key';
import { callerOf, ec2Of, type KeyContext } from '../../key-operations/key-context';
import { describeSnapshot } from '../kinds/snapshots';
import type { PlanDraft } from './plan-draft';

type ShareSnapshotRequest = z.output<typeof shareSnapshotRequest>;

/** The snapshot the owner shares: the request's, or (aws/ebs) the copy a first step re-encrypts. */
interface Shared {
  readonly snapshotId: string | { step: string; output: string };
  readonly keyArn: string;
  readonly steps: StepSpec[];
}

/**
 * A snapshot on an AWS managed key (aws/ebs) cannot be shared (reference §3.6): the owner first
 * copies it in place, re-encrypted with the customer managed key the user chose, and shares that.
 */
async function sharedSnapshot(
  ctx: KeyContext,
  request: ShareSnapshotRequest,
  snapshotKeyArn: string,
): Promise<Shared> {
  const { profileId, region, snapshotId } = request;
  const key = await describeKey(ctx, { profileId, region, keyId: snapshotKeyArn });
  if (key.keyManager !== 'AWS') return { snapshotId, keyArn: key.arn, steps: [] };
  if (request.reencryptKmsKeyId === undefined) {
    throw new KeywardError(
      'validation',
      `${snapshotId} is encrypted with the AWS managed key aws/ebs, which no other account may use: AWS refuses to share it.`,
      {
        hint: `Choose a customer managed key in ${region} to re-encrypt a copy with: Keyward copies the snapshot under that key first and shares the copy.`,
      },
    );
  }
  const reencrypt = await customerKey(
    ctx,
    { profileId, region, keyId: request.reencryptKmsKeyId },
    'share what it encrypts',
  );
  const copy = { step: 'reencrypt', output: 'snapshotId' };
  const owner = { profileId, region };
  return {
    snapshotId: copy,
    keyArn: reencrypt.arn,
    steps: [
      {
        id: 'reencrypt',
        kind: 'copy-snapshot',
        ...owner,
        params: { sourceRegion: region, sourceSnapshotId: snapshotId, kmsKeyId: reencrypt.arn },
      },
      {
        id: 'reencrypt-wait',
        kind: 'wait-snapshot-completed',
        ...owner,
        params: { snapshotId: copy },
      },
    ],
  };
}

function variablesOf(request: ShareSnapshotRequest): PlanDraft['variables'] {
  const { profileId, region, targetProfileId, targetRegion } = request;
  return [
    {
      name: 'OWNER_PROFILE',
      kind: 'profile',
      value: profileId,
      about: 'The AWS CLI profile of the account that owns the snapshot',
    },
    {
      name: 'TARGET_PROFILE',
      kind: 'profile',
      value: targetProfileId,
      about: 'The AWS CLI profile of the account the snapshot is shared with',
    },
    ...(region === targetRegion
      ? [
          {
            name: 'REGION',
            kind: 'region' as const,
            value: region,
            about: 'The Region of the snapshot and the copy',
          },
        ]
      : [
          {
            name: 'SOURCE_REGION',
            kind: 'region' as const,
            value: region,
            about: 'The Region of the snapshot',
          },
          {
            name: 'TARGET_REGION',
            kind: 'region' as const,
            value: targetRegion,
            about: 'The Region the target account copies it to',
          },
        ]),
  ];
}

/** The target's side: its copy re-encrypted with its own key, waiting for it, maybe a volume. */
function targetSteps(request: ShareSnapshotRequest, shared: Shared): StepSpec[] {
  const copier = { profileId: request.targetProfileId, region: request.targetRegion };
  const zone = request.volumeAvailabilityZone;
  if (zone !== undefined && !zone.startsWith(request.targetRegion)) {
    throw new KeywardError(
      'validation',
      `Zone ${zone} is not in ${request.targetRegion}, where the copy is made.`,
      { hint: `Choose a zone of ${request.targetRegion} (${request.targetRegion}a…).` },
    );
  }
  const copy = { step: 'copy', output: 'snapshotId' };
  return [
    {
      id: 'copy',
      kind: 'copy-snapshot',
      ...copier,
      params: {
        sourceRegion: request.region,
        sourceSnapshotId: shared.snapshotId,
        kmsKeyId: request.targetKmsKeyId,
        sharedBy: { profileId: request.profileId },
      },
    },
    {
      id: 'wait',
      kind: 'wait-snapshot-completed',
      ...copier,
      params: { snapshotId: copy },
    },
    ...(zone === undefined
      ? []
      : [
          {
            id: 'volume',
            kind: 'create-volume',
            ...copier,
            params: { snapshotId: copy, availabilityZone: zone },
          },
        ]),
  ];
}

/**
 * Share an encrypted snapshot with another account (reference §3.5 flows 2 and 3): the owner
 * lets the target account use the snapshot's key and shares the snapshot (on aws/ebs: a copy
 * re-encrypted first); then the target copies it re-encrypted with its own key, in its Region.
 */
export async function planShareSnapshot(
  ctx: KeyContext,
  request: ShareSnapshotRequest,
): Promise<PlanDraft> {
  const { profileId, region, snapshotId, targetProfileId, targetRegion } = request;
  const snapshot = await describeSnapshot(await ec2Of(ctx, profileId, region), snapshotId);
  if (!snapshot.Encrypted || !snapshot.KmsKeyId) {
    throw new KeywardError(
      'validation',
      `${snapshotId} is not encrypted: there is no key to share.`,
      {
        hint: 'Share it without a key policy change, or encrypt a copy first.',
      },
    );
  }
  const shared = await sharedSnapshot(ctx, request, snapshot.KmsKeyId);
  const theirs = targetSteps(request, shared);
  const target = await callerOf(ctx, targetProfileId, targetRegion);
  const owner = { profileId, region };
  return {
    job: 'share-snapshot',
    title: `Share ${snapshotId} with account ${target.account}${request.stopAfterShare ? '' : `, copied there with ${request.targetKmsKeyId}`}`,
    variables: variablesOf(request),
    steps: [
      ...shared.steps,
      {
        id: 'key-policy',
        kind: 'add-key-policy-statement',
        ...owner,
        params: {
          keyId: shared.keyArn,
          accountId: target.account,
          viaEc2Only: request.viaEc2Only,
          ...(request.stopAfterShare ? {} : { targetProfileId }),
        },
      },
      {
        id: 'share',
        kind: 'add-create-volume-permission',
        ...owner,
        params: { snapshotId: shared.snapshotId, accountId: target.account },
      },
      ...(request.stopAfterShare ? [] : theirs),
    ],
  };
}
