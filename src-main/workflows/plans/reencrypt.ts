import type { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import type { reencryptRequest } from '../../../src-shared/schemas/workflow-request';
import { describeKey } from '../../key-operations/describe-key';
import { ec2Of, type KeyContext } from '../../key-operations/key-context';
import { describeVolume } from '../../volumes/describe-volumes';
import type { Value } from '../step-kind';
import { describeSnapshot, userTags } from '../kinds/snapshots';
import type { PlanDraft } from './plan-draft';

type ReencryptRequest = z.output<typeof reencryptRequest>;
type Place = { readonly profileId: string; readonly region: string };

/** The new key's ARN, or undefined when it cannot be read now (preflight says why). */
async function newKeyArn(ctx: KeyContext, request: ReencryptRequest): Promise<string | undefined> {
  const { profileId, region, kmsKeyId } = request;
  try {
    return (await describeKey(ctx, { profileId, region, keyId: kmsKeyId })).arn;
  } catch (error) {
    if (error instanceof KeywardError && error.retryable) throw error;
    return undefined;
  }
}

/** Re-encrypting under the key it already has would make a copy and change nothing. */
async function refuseSameKey(ctx: KeyContext, request: ReencryptRequest, current?: string) {
  if (current === undefined || current !== (await newKeyArn(ctx, request))) return;
  throw new KeywardError('validation', `It is already encrypted with ${current}.`, {
    hint: 'Choose another key of the same Region.',
  });
}

const copyStep = (at: Place, source: Value, kmsKeyId: string) => ({
  id: 'copy',
  kind: 'copy-snapshot',
  ...at,
  params: { sourceRegion: at.region, sourceSnapshotId: source, kmsKeyId },
});
const waitStep = (at: Place, id: string, step: string) => ({
  id,
  kind: 'wait-snapshot-completed',
  ...at,
  params: { snapshotId: { step, output: 'snapshotId' } },
});

async function snapshotSteps(ctx: KeyContext, request: ReencryptRequest, snapshotId: string) {
  const at = { profileId: request.profileId, region: request.region };
  const snapshot = await describeSnapshot(await ec2Of(ctx, at.profileId, at.region), snapshotId);
  await refuseSameKey(ctx, request, snapshot.KmsKeyId);
  const tags = request.copyTags ? userTags(snapshot) : [];
  const copyRef = { step: 'copy', output: 'snapshotId' };
  return [
    copyStep(at, snapshotId, request.kmsKeyId),
    waitStep(at, 'wait', 'copy'),
    ...(tags.length === 0
      ? []
      : [{ id: 'tags', kind: 'copy-tags', ...at, params: { resourceId: copyRef, tags } }]),
  ];
}

/**
 * A volume: snapshot it (under its key), copy that snapshot under the new key, create a volume
 * from the copy in the volume's zone; the intermediate snapshots are kept unless asked.
 */
async function volumeSteps(ctx: KeyContext, request: ReencryptRequest, volumeId: string) {
  const at = { profileId: request.profileId, region: request.region };
  const volume = await describeVolume(await ec2Of(ctx, at.profileId, at.region), volumeId);
  await refuseSameKey(ctx, request, volume.KmsKeyId);
  const tags = request.copyTags ? userTags(volume) : [];
  const description = `Keyward: ${volumeId} before re-encryption under ${request.kmsKeyId}`;
  const snapshotRef = { step: 'intermediate', output: 'snapshotId' };
  const copyRef = { step: 'copy', output: 'snapshotId' };
  const volumeRef = { step: 'new', output: 'volumeId' };
  return [
    { id: 'intermediate', kind: 'create-snapshot', ...at, params: { volumeId, description } },
    waitStep(at, 'wait-intermediate', 'intermediate'),
    copyStep(at, snapshotRef, request.kmsKeyId),
    waitStep(at, 'wait', 'copy'),
    {
      id: 'new',
      kind: 'create-volume',
      ...at,
      params: {
        snapshotId: copyRef,
        availabilityZone: volume.AvailabilityZone,
        kmsKeyId: request.kmsKeyId,
        ...(volume.VolumeType ? { volumeType: volume.VolumeType } : {}),
      },
    },
    ...(tags.length === 0
      ? []
      : [
          {
            id: 'tags',
            kind: 'copy-tags',
            ...at,
            params: { resourceId: volumeRef, resourceType: 'volume', tags },
          },
        ]),
    ...(request.deleteIntermediate
      ? [
          {
            id: 'delete-intermediate',
            kind: 'delete-snapshot',
            ...at,
            params: { snapshotId: snapshotRef },
          },
          { id: 'delete-copy', kind: 'delete-snapshot', ...at, params: { snapshotId: copyRef } },
        ]
      : []),
  ];
}

/**
 * Wizard 4: re-encrypt a snapshot (a copy in the same Region) or a volume (a new volume in its
 * zone) under another key of that Region. The original is never touched: the user deletes it.
 */
export async function planReencrypt(
  ctx: KeyContext,
  request: ReencryptRequest,
): Promise<PlanDraft> {
  const { profileId, region, source, kmsKeyId } = request;
  const isVolume = 'volumeId' in source;
  const id = isVolume ? source.volumeId : source.snapshotId;
  return {
    job: 'reencrypt',
    title: `Re-encrypt ${id} under ${kmsKeyId} (the original is kept)`,
    variables: [
      {
        name: 'PROFILE',
        kind: 'profile',
        value: profileId,
        about: `The AWS CLI profile that owns the ${isVolume ? 'volume' : 'snapshot'}`,
      },
      { name: 'REGION', kind: 'region', value: region, about: 'Its Region (the key lives there)' },
    ],
    steps: isVolume
      ? await volumeSteps(ctx, request, source.volumeId)
      : await snapshotSteps(ctx, request, source.snapshotId),
  };
}
