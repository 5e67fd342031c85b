import { z } from 'zod';
import { defineOperation } from '../define-operation';
import type { ServiceContext } from '../types';
import {
  DRY_RUN,
  ec2Error,
  FILTERS,
  gate,
  imageNotFound,
  instanceNotFound,
  mergeTags,
  missingParameter,
  requireWellFormed,
  snapshotNotFound,
  STRING_LIST,
  volumeNotFound,
} from './common';
import { applyFilters, paginate } from './filters';
import {
  IMAGE,
  imageArn,
  INSTANCE,
  instanceArn,
  SNAPSHOT,
  snapshotArn,
  VOLUME,
  volumeArn,
  type Ec2Tag,
} from './model';

type Kind = typeof SNAPSHOT | typeof VOLUME | typeof IMAGE | typeof INSTANCE;

interface Taggable {
  readonly kind: Kind;
  readonly resourceType: 'snapshot' | 'volume' | 'image' | 'instance';
  readonly prefix: 'snap' | 'vol' | 'ami' | 'i';
  readonly arn: (ctx: ServiceContext, id: string) => string;
  readonly notFound: (id: string) => Error;
}

const TAGGABLE: readonly Taggable[] = [
  {
    kind: SNAPSHOT,
    resourceType: 'snapshot',
    prefix: 'snap',
    arn: (c, id) => snapshotArn(c.region, c.account, id),
    notFound: snapshotNotFound,
  },
  {
    kind: VOLUME,
    resourceType: 'volume',
    prefix: 'vol',
    arn: (c, id) => volumeArn(c.region, c.account, id),
    notFound: volumeNotFound,
  },
  {
    kind: IMAGE,
    resourceType: 'image',
    prefix: 'ami',
    arn: (c, id) => imageArn(c.region, id),
    notFound: (id) => imageNotFound([id]),
  },
  {
    kind: INSTANCE,
    resourceType: 'instance',
    prefix: 'i',
    arn: (c, id) => instanceArn(c.region, c.account, id),
    notFound: (id) => instanceNotFound([id]),
  },
];

function taggableOf(id: string): Taggable {
  const t = TAGGABLE.find((c) => id.startsWith(`${c.prefix}-`));
  if (!t) throw ec2Error('InvalidID', `The ID '${id}' is not valid`);
  requireWellFormed(t.prefix, id);
  return t;
}

function tagsOf(ctx: ServiceContext, t: Taggable, id: string): readonly Ec2Tag[] {
  const doc = ctx.store.get<{ tags: readonly Ec2Tag[] }>(t.kind, ctx.scope, id);
  if (!doc) throw t.notFound(id);
  return doc.tags;
}

function setTags(ctx: ServiceContext, t: Taggable, id: string, tags: readonly Ec2Tag[]): void {
  const doc = ctx.store.get<{ tags: readonly Ec2Tag[] }>(t.kind, ctx.scope, id);
  if (!doc) throw t.notFound(id);
  ctx.store.put<object>(t.kind, ctx.scope, id, { ...doc, tags });
}

const TAG_INPUT = z.array(z.object({ Key: z.string(), Value: z.string().optional() })).optional();

export const createTags = defineOperation({
  input: z.object({ ResourceId: STRING_LIST, Tag: TAG_INPUT, DryRun: DRY_RUN }),
  handler: (ctx, input) => {
    const ids = input.ResourceId ?? [];
    if (ids.length === 0) throw missingParameter('ResourceId');
    const added = (input.Tag ?? []).map((t) => ({ key: t.Key, value: t.Value ?? '' }));
    if (added.length === 0) throw missingParameter('Tag');
    const targets = ids.map((id) => ({ id, t: taggableOf(id) }));
    for (const { id, t } of targets) mergeTags(tagsOf(ctx, t, id), added);
    gate(
      ctx,
      input.DryRun,
      'CreateTags',
      targets.map(({ id, t }) => t.arn(ctx, id)),
    );
    for (const { id, t } of targets) setTags(ctx, t, id, mergeTags(tagsOf(ctx, t, id), added));
    return { return: true };
  },
});

export const deleteTags = defineOperation({
  input: z.object({ ResourceId: STRING_LIST, Tag: TAG_INPUT, DryRun: DRY_RUN }),
  handler: (ctx, input) => {
    const ids = input.ResourceId ?? [];
    if (ids.length === 0) throw missingParameter('ResourceId');
    const targets = ids.map((id) => ({ id, t: taggableOf(id) }));
    for (const { id, t } of targets) tagsOf(ctx, t, id);
    gate(
      ctx,
      input.DryRun,
      'DeleteTags',
      targets.map(({ id, t }) => t.arn(ctx, id)),
    );
    const removing = input.Tag;
    for (const { id, t } of targets) {
      const kept = tagsOf(ctx, t, id).filter(
        (tag) =>
          removing !== undefined &&
          !removing.some(
            (r) => r.Key === tag.key && (r.Value === undefined || r.Value === tag.value),
          ),
      );
      setTags(ctx, t, id, kept);
    }
    return { return: true };
  },
});

interface TagRow {
  readonly resourceId: string;
  readonly resourceType: string;
  readonly key: string;
  readonly value: string;
}

export const describeTags = defineOperation({
  input: z.object({
    Filter: FILTERS,
    MaxResults: z.coerce.number().int().optional(),
    NextToken: z.string().optional(),
    DryRun: DRY_RUN,
  }),
  readOnly: true,
  handler: (ctx, input) => {
    gate(ctx, input.DryRun, 'DescribeTags', []);
    const rows: TagRow[] = [];
    for (const t of TAGGABLE) {
      for (const doc of ctx.store.list<{ tags: readonly Ec2Tag[] }>(t.kind, ctx.scope)) {
        const id = (doc as unknown as Record<string, string>)[
          { snapshot: 'snapshotId', volume: 'volumeId', image: 'imageId', instance: 'instanceId' }[
            t.resourceType
          ]
        ];
        if (id === undefined) continue;
        for (const tag of doc.tags) {
          rows.push({
            resourceId: id,
            resourceType: t.resourceType,
            key: tag.key,
            value: tag.value,
          });
        }
      }
    }
    const filtered = applyFilters(rows, input.Filter, {
      'resource-id': (r) => r.resourceId,
      'resource-type': (r) => r.resourceType,
      key: (r) => r.key,
      value: (r) => r.value,
    });
    const { page, nextToken } = paginate(
      filtered,
      input,
      { min: 5, max: 1000 },
      { f: input.Filter, a: ctx.account, r: ctx.region },
    );
    return { tagSet: page, nextToken };
  },
  responseElements: null,
});
