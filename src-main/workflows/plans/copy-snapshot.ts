import type { z } from 'zod';
import type { copySnapshotRequest } from '../../../src-shared/schemas/workflow-request';
import { ec2Of, type KeyContext } from '../../key-operations/key-context';
import { describeSnapshot, userTags } from '../kinds/snapshots';
import type { PlanDraft } from './plan-draft';

type CopySnapshotRequest = z.output<typeof copySnapshotRequest>;

/**
 * Wizard 1: copy a snapshot to another Region, re-encrypted with a key of that Region (keys are
 * regional), then wait for the copy to complete and, on request, put the source's tags on it.
 */
export async function planCopySnapshot(
  ctx: KeyContext,
  request: CopySnapshotRequest,
): Promise<PlanDraft> {
  const { profileId, sourceRegion, destinationRegion, snapshotId } = request;
  const copyRef = { step: 'copy', output: 'snapshotId' };
  const at = { profileId, region: destinationRegion };
  const tags = request.copyTags
    ? userTags(await describeSnapshot(await ec2Of(ctx, profileId, sourceRegion), snapshotId))
    : [];
  const sameRegion = sourceRegion === destinationRegion;
  return {
    job: 'copy-snapshot',
    title: `Copy ${snapshotId} from ${sourceRegion} to ${destinationRegion}, encrypted with ${request.kmsKeyId}`,
    variables: [
      {
        name: 'PROFILE',
        kind: 'profile',
        value: profileId,
        about: 'The AWS CLI profile that owns the snapshot',
      },
      ...(sameRegion
        ? [
            {
              name: 'REGION',
              kind: 'region' as const,
              value: sourceRegion,
              about: 'The Region of the snapshot and its copy',
            },
          ]
        : [
            {
              name: 'SOURCE_REGION',
              kind: 'region' as const,
              value: sourceRegion,
              about: 'The Region of the snapshot',
            },
            {
              name: 'DESTINATION_REGION',
              kind: 'region' as const,
              value: destinationRegion,
              about: 'The Region the copy is made in (the key lives there)',
            },
          ]),
    ],
    steps: [
      {
        id: 'copy',
        kind: 'copy-snapshot',
        ...at,
        params: {
          sourceRegion,
          sourceSnapshotId: snapshotId,
          kmsKeyId: request.kmsKeyId,
          ...(request.description === undefined ? {} : { description: request.description }),
        },
      },
      { id: 'wait', kind: 'wait-snapshot-completed', ...at, params: { snapshotId: copyRef } },
      ...(tags.length === 0
        ? []
        : [{ id: 'tags', kind: 'copy-tags', ...at, params: { resourceId: copyRef, tags } }]),
    ],
  };
}
