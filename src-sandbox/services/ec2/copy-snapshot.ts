import { z } from 'zod';
import { verifyPresignedUrl } from '../../auth/presigned-url';
import { isKnownRegion } from '../../http/regions';
import { createCredentialLookup } from '../../identity/credential-lookup';
import { defineOperation } from '../define-operation';
import type { ServiceContext } from '../types';
import { awsBool, awsString } from '../validation';
import {
  DRY_RUN,
  ec2Error,
  gate,
  missingParameter,
  required,
  TAG_SPECIFICATIONS,
  tagSet,
  tagsFor,
} from './common';
import { dataKeyOf, factsOf, planEncryption, useKeys } from './encryption';
import { startWork, workState } from './lifecycle';
import { newEc2Id, SNAPSHOT, snapshotArn, type SnapshotDoc } from './model';
import {
  findSnapshot,
  putSnapshot,
  requireCompleted,
  requireSnapshotQuota,
} from './snapshot-access';

/** At most 20 concurrent copies per destination Region (reference §3.3). */
export const MAX_CONCURRENT_COPIES = 20;

function invalidPresignedUrl(reason: string) {
  return ec2Error('InvalidParameterValue', `The PresignedUrl is not valid: ${reason}`);
}

/**
 * Checks the SDK-generated `PresignedUrl` (reference §3.3): a SigV4 query-string signature for the
 * *source* Region, by the caller's own credentials, naming the same source snapshot and Region.
 * The `https` scheme the SDK forces is accepted as is.
 */
function checkPresignedUrl(
  ctx: ServiceContext,
  url: string,
  sourceRegion: string,
  sourceSnapshotId: string,
): void {
  const result = verifyPresignedUrl(url, createCredentialLookup(ctx.store), { now: ctx.now() });
  if (!result.ok) throw invalidPresignedUrl(result.failure.message);
  const p = result.params;
  if (p.get('Action') !== 'CopySnapshot') throw invalidPresignedUrl('it is not for CopySnapshot');
  if (p.get('SourceSnapshotId') !== sourceSnapshotId || p.get('SourceRegion') !== sourceRegion) {
    throw invalidPresignedUrl('it names a different source snapshot or Region');
  }
  if (result.signed.region !== sourceRegion || result.signed.service !== 'ec2') {
    throw invalidPresignedUrl('it must be signed for ec2 in the source Region');
  }
  const destination = p.get('DestinationRegion');
  if (destination !== null && destination !== ctx.region) {
    throw invalidPresignedUrl(`it is for destination Region ${destination}`);
  }
  if (result.caller.account !== ctx.account) {
    throw invalidPresignedUrl('it was signed by another account');
  }
}

function pendingCopies(ctx: ServiceContext, nowMs: number): number {
  return ctx.store
    .list(SNAPSHOT, ctx.scope)
    .filter((s) => s.sourceSnapshotId !== undefined && workState(s, nowMs).phase === 'running')
    .length;
}

export const copySnapshot = defineOperation({
  input: z.object({
    SourceRegion: z.string().optional(),
    SourceSnapshotId: z.string().optional(),
    Description: awsString(0, 255).optional(),
    Encrypted: awsBool.optional(),
    KmsKeyId: z.string().optional(),
    DestinationRegion: z.string().optional(),
    PresignedUrl: z.string().optional(),
    TagSpecification: TAG_SPECIFICATIONS,
    CompletionDurationMinutes: z.coerce.number().int().min(15).max(2880).optional(),
    DestinationOutpostArn: z.string().optional(),
    DryRun: DRY_RUN,
  }),
  requestParameters: (input) => ({
    sourceRegion: input.SourceRegion,
    sourceSnapshotId: input.SourceSnapshotId,
    description: input.Description,
    encrypted: input.Encrypted,
    kmsKeyId: input.KmsKeyId,
    destinationRegion: input.DestinationRegion,
    presignedUrl: input.PresignedUrl === undefined ? undefined : 'HIDDEN_DUE_TO_SECURITY_REASONS',
  }),
  handler: (ctx, input) => {
    const sourceRegion = required(input.SourceRegion, 'SourceRegion');
    const sourceId = required(input.SourceSnapshotId, 'SourceSnapshotId');
    if (!isKnownRegion(sourceRegion)) {
      throw ec2Error('InvalidParameterValue', `Invalid value '${sourceRegion}' for SourceRegion.`);
    }
    if (input.DestinationRegion !== undefined && input.DestinationRegion !== ctx.region) {
      throw ec2Error(
        'InvalidParameterValue',
        `DestinationRegion ${input.DestinationRegion} does not match the endpoint's Region ${ctx.region}.`,
      );
    }
    const source = findSnapshot(ctx, sourceId, sourceRegion);
    const now = ctx.now();
    requireCompleted(source, now.getTime());
    if (input.PresignedUrl !== undefined) {
      checkPresignedUrl(ctx, input.PresignedUrl, sourceRegion, sourceId);
    } else if (source.encrypted && sourceRegion !== ctx.region) {
      throw missingParameter('PresignedUrl');
    }
    const plan = planEncryption(
      ctx,
      ctx.region,
      source,
      { encrypted: input.Encrypted, kmsKeyId: input.KmsKeyId },
      { refuseUnencryptedCopy: sourceId },
    );
    const tags = tagsFor(input.TagSpecification, 'snapshot');
    const snapshotId = newEc2Id('snap');
    if (pendingCopies(ctx, now.getTime()) >= MAX_CONCURRENT_COPIES) {
      throw ec2Error(
        'ResourceLimitExceeded',
        `You have exceeded the maximum number of concurrent snapshot copy requests (${MAX_CONCURRENT_COPIES}) in ${ctx.region}.`,
      );
    }
    gate(ctx, input.DryRun, 'CopySnapshot', [
      snapshotArn(ctx.region, ctx.account, snapshotId),
      snapshotArn(source.region, source.ownerId, source.snapshotId),
    ]);
    requireSnapshotQuota(ctx);
    // Key problems do not fail the call: the copy ends in `error` (reference §3.5).
    const failure = useKeys(ctx, source, plan, ctx.region, 'snapshot');
    const doc: SnapshotDoc = {
      snapshotId,
      ownerId: ctx.account,
      region: ctx.region,
      volumeId: 'vol-ffffffff',
      volumeSize: source.volumeSize,
      description: input.Description ?? `[Copied ${sourceId} from ${sourceRegion}]`,
      startTime: now.toISOString(),
      tags,
      createVolumePermission: { userIds: [], public: false },
      sourceSnapshotId: sourceId,
      sourceRegion,
      ...factsOf(plan),
      ...dataKeyOf(plan),
      ...startWork(ctx.store, now, failure),
    };
    putSnapshot(ctx, doc);
    return { snapshotId, tagSet: tagSet(tags) };
  },
});
