import type { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import type { shareSnapshotRequest } from '../../../src-shared/schemas/workflow-request';
import { callerOf, ec2Of, type KeyContext } from '../../key-operations/key-context';
import { describeSnapshot } from '../kinds/snapshots';
import type { PlanDraft } from './plan-draft';

type ShareSnapshotRequest = z.output<typeof shareSnapshotRequest>;

/**
 * Share an encrypted snapshot with another account (reference §3.5 flows 2 and 3): the owner
 * lets the target account use the snapshot's key and shares the snapshot; then the target copies
 * it re-encrypted with its own key, in its Region. The target role's IAM policy and the aws/ebs
 * re-encrypt path are not planned yet: preflight names the aws/ebs case.
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
  const target = await callerOf(ctx, targetProfileId, targetRegion);
  const owner = { profileId, region };
  const copier = { profileId: targetProfileId, region: targetRegion };
  const sameRegion = region === targetRegion;
  return {
    job: 'share-snapshot',
    title: `Share ${snapshotId} with account ${target.account}${request.stopAfterShare ? '' : `, copied there with ${request.targetKmsKeyId}`}`,
    variables: [
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
      ...(sameRegion
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
    ],
    steps: [
      {
        id: 'key-policy',
        kind: 'add-key-policy-statement',
        ...owner,
        params: {
          keyId: snapshot.KmsKeyId,
          accountId: target.account,
          viaEc2Only: request.viaEc2Only,
          ...(request.stopAfterShare ? {} : { targetProfileId }),
        },
      },
      {
        id: 'share',
        kind: 'add-create-volume-permission',
        ...owner,
        params: { snapshotId, accountId: target.account },
      },
      ...(request.stopAfterShare
        ? []
        : [
            {
              id: 'copy',
              kind: 'copy-snapshot',
              ...copier,
              params: {
                sourceRegion: region,
                sourceSnapshotId: snapshotId,
                kmsKeyId: request.targetKmsKeyId,
                sharedBy: { profileId },
              },
            },
            {
              id: 'wait',
              kind: 'wait-snapshot-completed',
              ...copier,
              params: { snapshotId: { step: 'copy', output: 'snapshotId' } },
            },
          ]),
    ],
  };
}
