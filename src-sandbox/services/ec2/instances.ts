import { z } from 'zod';
import { defineOperation } from '../define-operation';
import type { ServiceContext } from '../types';
import {
  DRY_RUN,
  FILTERS,
  gate,
  instanceNotFound,
  missingParameter,
  requireWellFormed,
  STRING_LIST,
  tagSet,
} from './common';
import { applyFilters, paginate, refuseMaxResultsWithIds } from './filters';
import { workState } from './lifecycle';
import { INSTANCE, instanceArn, VOLUME, type InstanceDoc } from './model';
import { putVolume } from './volumes';

const STATE_CODES: Readonly<Record<string, number>> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
};

/** Terminated instances stay visible for an hour, as in AWS. */
const TERMINATED_VISIBLE_MS = 60 * 60_000;

export function instanceStateName(doc: InstanceDoc, nowMs: number): string {
  if (doc.terminatedAtMs !== undefined) {
    return nowMs - doc.terminatedAtMs < 1000 ? 'shutting-down' : 'terminated';
  }
  const s = workState(doc, nowMs);
  if (s.phase === 'running') return 'pending';
  return s.phase === 'failed' ? 'terminated' : 'running';
}

export const stateOf = (name: string) => ({ code: STATE_CODES[name] ?? 0, name });

export function instanceView(doc: InstanceDoc, nowMs: number, launchIndex = 0) {
  const state = instanceStateName(doc, nowMs);
  const failed = doc.terminatedAtMs === undefined && state === 'terminated';
  return {
    instanceId: doc.instanceId,
    imageId: doc.imageId,
    instanceState: stateOf(state),
    privateDnsName: '',
    dnsName: '',
    reason: failed ? 'Server.InternalError' : '',
    amiLaunchIndex: launchIndex,
    productCodes: [],
    instanceType: doc.instanceType,
    launchTime: new Date(doc.launchTime),
    placement: { availabilityZone: doc.availabilityZone, tenancy: 'default' },
    monitoring: { state: 'disabled' },
    architecture: doc.architecture,
    rootDeviceType: 'ebs',
    rootDeviceName: doc.rootDeviceName,
    blockDeviceMapping: doc.volumes.map((v) => ({
      deviceName: v.deviceName,
      ebs: {
        volumeId: v.volumeId,
        status: 'attached',
        attachTime: new Date(doc.launchTime),
        deleteOnTermination: true,
      },
    })),
    virtualizationType: 'hvm',
    hypervisor: 'xen',
    tagSet: tagSet(doc.tags),
    stateReason: failed
      ? { code: 'Client.InternalError', message: `Client.InternalError: Client error on launch` }
      : undefined,
    groupSet: [],
    networkInterfaceSet: [],
  };
}

function visibleInstances(ctx: ServiceContext, nowMs: number): InstanceDoc[] {
  return ctx.store
    .list(INSTANCE, ctx.scope)
    .filter(
      (d) => d.terminatedAtMs === undefined || nowMs - d.terminatedAtMs < TERMINATED_VISIBLE_MS,
    );
}

function requireInstances(
  ctx: ServiceContext,
  ids: readonly string[],
  known: readonly InstanceDoc[],
): void {
  for (const id of ids) requireWellFormed('i', id);
  const missing = ids.filter((id) => !known.some((d) => d.instanceId === id));
  if (missing.length > 0) throw instanceNotFound(missing);
}

export const describeInstances = defineOperation({
  input: z.object({
    InstanceId: STRING_LIST,
    Filter: FILTERS,
    MaxResults: z.coerce.number().int().optional(),
    NextToken: z.string().optional(),
    DryRun: DRY_RUN,
  }),
  readOnly: true,
  handler: (ctx, input) => {
    refuseMaxResultsWithIds(input.InstanceId, input.MaxResults, 'instanceIds');
    const nowMs = ctx.now().getTime();
    const all = visibleInstances(ctx, nowMs);
    requireInstances(ctx, input.InstanceId ?? [], all);
    gate(ctx, input.DryRun, 'DescribeInstances', []);
    const chosen = all.filter((d) => !input.InstanceId || input.InstanceId.includes(d.instanceId));
    const filtered = applyFilters(
      chosen,
      input.Filter,
      {
        'instance-id': (d) => d.instanceId,
        'instance-state-name': (d) => instanceStateName(d, nowMs),
        'instance-state-code': (d) => STATE_CODES[instanceStateName(d, nowMs)],
        'image-id': (d) => d.imageId,
        'instance-type': (d) => d.instanceType,
        'availability-zone': (d) => d.availabilityZone,
        'reservation-id': (d) => d.reservationId,
        'block-device-mapping.volume-id': (d) => d.volumes.map((v) => v.volumeId),
      },
      (d) => d.tags,
    );
    const { page, nextToken } = paginate(
      filtered,
      input,
      { min: 5, max: 1000 },
      { f: input.Filter, a: ctx.account, r: ctx.region },
    );
    const reservations = new Map<string, InstanceDoc[]>();
    for (const d of page)
      reservations.set(d.reservationId, [...(reservations.get(d.reservationId) ?? []), d]);
    return {
      reservationSet: [...reservations.entries()].map(([reservationId, docs]) => ({
        reservationId,
        ownerId: ctx.account,
        groupSet: [],
        instancesSet: docs.map((d, i) => instanceView(d, nowMs, i)),
      })),
      nextToken,
    };
  },
  responseElements: null,
});

export const terminateInstances = defineOperation({
  input: z.object({ InstanceId: STRING_LIST, DryRun: DRY_RUN }),
  handler: (ctx, input) => {
    const ids = input.InstanceId ?? [];
    if (ids.length === 0) throw missingParameter('InstanceId');
    const now = ctx.now();
    const nowMs = now.getTime();
    const all = visibleInstances(ctx, nowMs);
    requireInstances(ctx, ids, all);
    gate(
      ctx,
      input.DryRun,
      'TerminateInstances',
      ids.map((id) => instanceArn(ctx.region, ctx.account, id)),
    );
    const instancesSet = ids.map((id) => {
      const doc = all.find((d) => d.instanceId === id);
      if (!doc) throw instanceNotFound([id]);
      const previous = instanceStateName(doc, nowMs);
      if (doc.terminatedAtMs === undefined && previous !== 'terminated') {
        ctx.store.put(INSTANCE, ctx.scope, id, { ...doc, terminatedAtMs: nowMs });
        for (const v of doc.volumes) {
          const vol = ctx.store.get(VOLUME, ctx.scope, v.volumeId);
          if (!vol) continue;
          const attachment = vol.attachments.find((a) => a.instanceId === id);
          if (attachment?.deleteOnTermination) ctx.store.delete(VOLUME, ctx.scope, v.volumeId);
          else
            putVolume(ctx, {
              ...vol,
              attachments: vol.attachments.filter((a) => a.instanceId !== id),
            });
        }
      }
      const current = previous === 'terminated' ? 'terminated' : 'shutting-down';
      return { instanceId: id, currentState: stateOf(current), previousState: stateOf(previous) };
    });
    return { instancesSet };
  },
});
