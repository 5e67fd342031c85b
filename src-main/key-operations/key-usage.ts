import {
  GetEbsDefaultKmsKeyIdCommand,
  paginateDescribeImages,
  paginateDescribeSnapshots,
  paginateDescribeVolumes,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { z } from 'zod';
import type { SerializedError } from '../../src-shared/errors';
import type { AliasEntry } from '../../src-shared/models/key-detail';
import type { KeyMetadata } from '../../src-shared/models/key-metadata';
import type { DeletionImpact, KeyUsage } from '../../src-shared/models/key-usage';
import { collectPages } from '../aws/collect-pages';
import { toSerializedError } from '../operations/to-serialized-error';
import { arnParts, parseAws } from './aws-shapes';
import { describeKey, type KeyPlace } from './describe-key';
import { keyActivity } from './key-activity';
import { ec2Of, kmsOf, type KeyContext } from './key-context';
import { listAliases } from './key-lists';

export interface ScopeEntry {
  readonly profileId: string;
  readonly region: string;
}

/**
 * Tells whether a `KmsKeyId` as EC2 reports it (usually the key ARN; an alias or a bare key id
 * where it was given so) names this key. A multi-Region key's replicas share its id, so an ARN
 * of the same account and key id in another Region is the same key too.
 */
export function keyMatcher(key: KeyMetadata, aliases: readonly AliasEntry[]) {
  const names = new Set<string>([key.arn, key.keyId]);
  for (const alias of aliases) {
    names.add(alias.aliasName);
    if (alias.aliasArn) names.add(alias.aliasArn);
  }
  return (reported: string | undefined): boolean => {
    if (!reported) return false;
    if (names.has(reported)) return true;
    if (!key.multiRegion || !reported.startsWith('arn:')) return false;
    const parts = arnParts(reported);
    return parts.account === key.accountId && parts.keyId === key.keyId;
  };
}

const tag = z.object({ Key: z.string().optional(), Value: z.string().optional() });
const nameOf = (tags: readonly z.infer<typeof tag>[] | undefined) =>
  tags?.find((t) => t.Key === 'Name')?.Value ?? null;

const volumeSchema = z.object({
  VolumeId: z.string(),
  State: z.string().optional(),
  Size: z.number().optional(),
  KmsKeyId: z.string().optional(),
  Tags: z.array(tag).optional(),
  Attachments: z.array(z.object({ InstanceId: z.string().optional() })).optional(),
});
const snapshotSchema = z.object({
  SnapshotId: z.string(),
  State: z.string().optional(),
  VolumeId: z.string().optional(),
  StartTime: z.date().optional(),
  Description: z.string().optional(),
  KmsKeyId: z.string().optional(),
  Tags: z.array(tag).optional(),
});
const imageSchema = z.object({
  ImageId: z.string(),
  Name: z.string().optional(),
  State: z.string().optional(),
  BlockDeviceMappings: z
    .array(
      z.object({
        Ebs: z
          .object({ SnapshotId: z.string().optional(), KmsKeyId: z.string().optional() })
          .optional(),
      }),
    )
    .optional(),
});

async function usageIn(
  ec2: EC2Client,
  where: ScopeEntry,
  matches: (reported: string | undefined) => boolean,
) {
  const [volumes, snapshots, images] = await Promise.all([
    collectPages(paginateDescribeVolumes({ client: ec2 }, {}), (p) => p.Volumes),
    collectPages(
      paginateDescribeSnapshots({ client: ec2 }, { OwnerIds: ['self'] }),
      (p) => p.Snapshots,
    ),
    collectPages(paginateDescribeImages({ client: ec2 }, { Owners: ['self'] }), (p) => p.Images),
  ]);
  const snaps = parseAws(z.array(snapshotSchema), snapshots, 'DescribeSnapshots').filter((s) =>
    matches(s.KmsKeyId),
  );
  const onKey = new Set(snaps.map((s) => s.SnapshotId));
  return {
    volumes: parseAws(z.array(volumeSchema), volumes, 'DescribeVolumes')
      .filter((v) => matches(v.KmsKeyId))
      .map((v) => ({
        ...where,
        volumeId: v.VolumeId,
        state: v.State ?? null,
        sizeGiB: v.Size ?? null,
        name: nameOf(v.Tags),
        kmsKeyId: v.KmsKeyId ?? '',
        attachedTo: (v.Attachments ?? []).flatMap((a) => (a.InstanceId ? [a.InstanceId] : [])),
      })),
    snapshots: snaps.map((s) => ({
      ...where,
      snapshotId: s.SnapshotId,
      state: s.State ?? null,
      volumeId: s.VolumeId ?? null,
      startTime: s.StartTime?.toISOString() ?? null,
      description: s.Description ?? null,
      name: nameOf(s.Tags),
      kmsKeyId: s.KmsKeyId ?? '',
    })),
    // DescribeImages does not name the key: an AMI depends on it through its snapshots.
    images: parseAws(z.array(imageSchema), images, 'DescribeImages').flatMap((i) => {
      const ids = (i.BlockDeviceMappings ?? []).flatMap(({ Ebs }) =>
        Ebs?.SnapshotId && (onKey.has(Ebs.SnapshotId) || matches(Ebs.KmsKeyId))
          ? [Ebs.SnapshotId]
          : [],
      );
      if (ids.length === 0) return [];
      return [
        {
          ...where,
          imageId: i.ImageId,
          name: i.Name ?? null,
          state: i.State ?? null,
          snapshotIds: ids,
        },
      ];
    }),
  };
}

async function guarded<T>(ctx: KeyContext, read: () => Promise<T>): Promise<T | SerializedError> {
  try {
    return await read();
  } catch (error) {
    return toSerializedError(error, ctx.logger, 'keys.usage');
  }
}

const isError = (value: unknown): value is SerializedError =>
  typeof value === 'object' && value !== null && 'code' in value && 'retryable' in value;

async function aliasesOf(ctx: KeyContext, ref: KeyPlace, key: KeyMetadata) {
  return guarded(ctx, async () =>
    listAliases(await kmsOf(ctx, ref.profileId, ref.region), key.keyId),
  );
}

/** Every volume, owned snapshot and owned AMI in the scope that depends on the key. */
export async function keyUsage(
  ctx: KeyContext,
  ref: KeyPlace,
  scope: readonly ScopeEntry[] = [{ profileId: ref.profileId, region: ref.region }],
  known?: { key: KeyMetadata; aliases: AliasEntry[] },
): Promise<KeyUsage> {
  const key = known?.key ?? (await describeKey(ctx, ref));
  const aliases = known?.aliases ?? (await aliasesOf(ctx, ref, key));
  const matches = keyMatcher(key, isError(aliases) ? [] : aliases);
  const results = await Promise.all(
    scope.map(async (where) => {
      const found = await guarded(ctx, async () =>
        usageIn(await ec2Of(ctx, where.profileId, where.region), where, matches),
      );
      const principal = await Promise.resolve()
        .then(() => ctx.principal(where.profileId))
        .catch(() => undefined);
      return { where, found, accountId: principal?.accountId ?? null };
    }),
  );
  const ok = results.flatMap((r) => (isError(r.found) ? [] : [r.found]));
  return {
    keyArn: key.arn,
    scope: results.map((r) => ({
      ...r.where,
      accountId: r.accountId,
      error: isError(r.found) ? r.found : null,
    })),
    volumes: ok.flatMap((f) => f.volumes),
    snapshots: ok.flatMap((f) => f.snapshots),
    images: ok.flatMap((f) => f.images),
  };
}

/** CloudTrail's event history keeps 90 days (reference §5.1). */
const RECENT_USE_DAYS = 90;

const defaultKeySchema = z.object({ KmsKeyId: z.string().optional() });

/** The usage plus where the key is the default EBS key, and the aliases that would go with it. */
export async function deletionImpact(
  ctx: KeyContext,
  ref: KeyPlace,
  scope: readonly ScopeEntry[] = [{ profileId: ref.profileId, region: ref.region }],
): Promise<DeletionImpact> {
  const key = await describeKey(ctx, ref);
  const aliases = await aliasesOf(ctx, ref, key);
  const aliasList = isError(aliases) ? [] : aliases;
  const matches = keyMatcher(key, aliasList);
  const [usage, recentUse, defaults] = await Promise.all([
    keyUsage(ctx, ref, scope, { key, aliases: aliasList }),
    keyActivity(ctx, ref, key.arn, RECENT_USE_DAYS),
    Promise.all(
      scope.map(async (where) => {
        const answer = await guarded(ctx, async () => {
          const ec2 = await ec2Of(ctx, where.profileId, where.region);
          return parseAws(
            defaultKeySchema,
            await ec2.send(new GetEbsDefaultKmsKeyIdCommand({})),
            'GetEbsDefaultKmsKeyId',
          );
        });
        return !isError(answer) && matches(answer.KmsKeyId) ? [where] : [];
      }),
    ),
  ]);
  const defaultEbsKeyIn = defaults.flat();
  const count = usage.volumes.length + usage.snapshots.length + usage.images.length;
  const failed = usage.scope.filter((s) => s.error !== null).length;
  const summary =
    (count === 0
      ? 'No volume, snapshot or AMI in the scope uses this key.'
      : `${usage.volumes.length} volume(s), ${usage.snapshots.length} snapshot(s) and ${usage.images.length} AMI(s) in the scope become unreadable for good once the key is deleted.`) +
    (defaultEbsKeyIn.length > 0
      ? ` It is the default EBS key in ${defaultEbsKeyIn.length} place(s): new encrypted volumes there would fail.`
      : '') +
    (failed > 0 ? ` ${failed} profile/region pair(s) could not be searched.` : '');
  return {
    usage,
    defaultEbsKeyIn,
    aliases: aliasList,
    aliasesError: isError(aliases) ? aliases : null,
    keyState: key.keyState,
    recentUse,
    summary,
  };
}
