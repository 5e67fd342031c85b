// The CloudTrail events a run caused (issue 13 "Runs page"): LookupEvents of the changes made in
// every (profile, Region) the run touched over the run's time window, kept when they name what the
// run touched or carry a request id the run recorded.
import { CloudTrailClient, paginateLookupEvents } from '@aws-sdk/client-cloudtrail';
import { z } from 'zod';
import type { RunEvent, RunEvents } from '../../src-shared/models/run-events';
import type { WorkflowRun } from '../../src-shared/models/workflow-plan';
import type { KeyContext } from '../key-operations/key-context';
import { parseAws } from '../key-operations/aws-shapes';
import { toSerializedError } from '../operations/to-serialized-error';

/** CloudTrail delivers events minutes late and stamps them with the call's time: a margin each side. */
const MARGIN_MS = 5 * 60_000;
/** LookupEvents answers 50 a page at 2 requests a second: a run's window needs few. */
const PAGE_CAP = 10;

/** What AWS names in a request: snapshots, volumes, images, instances, keys (id, ARN or alias). */
const IDENTIFIER =
  /^(snap|vol|ami|i)-[0-9a-f]{8,17}$|^arn:aws[\w-]*:|^alias\/|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$|^mrk-[0-9a-f]{32}$/;

const eventSchema = z.object({
  EventName: z.string().optional(),
  EventTime: z.date().optional(),
  EventSource: z.string().optional(),
  Username: z.string().optional(),
  Resources: z.array(z.object({ ResourceName: z.string().optional() })).optional(),
  CloudTrailEvent: z.string().optional(),
});
type TrailEvent = z.output<typeof eventSchema>;

const recordSchema = z.object({
  requestID: z.string().optional(),
  errorCode: z.string().optional(),
  userIdentity: z.object({ arn: z.string().optional() }).optional(),
  requestParameters: z.unknown().optional(),
  responseElements: z.unknown().optional(),
});

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** The ids a run touched: in its steps' API parameters and in what the steps made. */
export function touchedResources(run: WorkflowRun): string[] {
  const values = [
    ...run.plan.steps.flatMap((s) => strings(s.action.params)),
    ...run.steps.flatMap((s) => Object.values(s.outputs)),
  ];
  return [...new Set(values.filter((v) => IDENTIFIER.test(v)))].sort();
}

/** The request ids the run kept: those of the AWS errors that stopped its steps. */
const recordedRequestIds = (run: WorkflowRun) =>
  new Set(
    [run.error, ...run.steps.map((s) => s.error)].flatMap((e) =>
      e?.aws?.requestId ? [e.aws.requestId] : [],
    ),
  );

function parseRecord(event: TrailEvent) {
  try {
    const parsed = recordSchema.safeParse(JSON.parse(event.CloudTrailEvent ?? '{}'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function toRunEvent(
  event: TrailEvent,
  where: { profileId: string; region: string },
  matches: (names: readonly string[], requestId: string | undefined) => boolean,
): RunEvent | undefined {
  const record = parseRecord(event);
  const names = [
    ...(event.Resources ?? []).flatMap((r) => (r.ResourceName ? [r.ResourceName] : [])),
    ...strings(record?.requestParameters),
    ...strings(record?.responseElements),
  ];
  if (!matches(names, record?.requestID)) return undefined;
  return {
    time: (event.EventTime ?? new Date(0)).toISOString(),
    eventName: event.EventName ?? 'unknown',
    eventSource: event.EventSource ?? '',
    who: record?.userIdentity?.arn ?? event.Username ?? 'unknown',
    requestId: record?.requestID ?? null,
    errorCode: record?.errorCode ?? null,
    ...where,
  };
}

async function lookup(
  ctx: KeyContext,
  where: { profileId: string; region: string },
  window: { start: Date; end: Date },
): Promise<TrailEvent[]> {
  const client = await ctx.aws.client(
    CloudTrailClient,
    await ctx.principal(where.profileId),
    where.region,
  );
  const pages = paginateLookupEvents(
    { client, pageSize: 50 },
    {
      // Reads (the run's polls) are not what it caused: only changes and refused calls.
      LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'false' }],
      StartTime: window.start,
      EndTime: window.end,
    },
  );
  const events: TrailEvent[] = [];
  let read = 0;
  for await (const page of pages) {
    events.push(...parseAws(z.array(eventSchema), page.Events ?? [], 'LookupEvents'));
    if (++read >= PAGE_CAP) break;
  }
  return events;
}

/** Every (profile, Region) a step of the run acted in (a copy's source Region reads only). */
const placesOf = (run: WorkflowRun) => {
  const keys = new Set(run.plan.steps.map((s) => `${s.profileId}\n${s.region}`));
  return [...keys].map((k) => {
    const [profileId = '', region = ''] = k.split('\n');
    return { profileId, region };
  });
};

/** The CloudTrail events `run` caused, newest first; places whose history is unreadable are gaps. */
export async function runEvents(
  ctx: KeyContext,
  run: WorkflowRun,
  now: Date = new Date(),
): Promise<RunEvents> {
  const resources = touchedResources(run);
  const requestIds = recordedRequestIds(run);
  const start = new Date(Date.parse(run.createdAt) - MARGIN_MS);
  const ended = run.status === 'running' ? now.getTime() : Date.parse(run.updatedAt);
  const end = new Date(Math.min(now.getTime(), ended + MARGIN_MS));
  const matches = (names: readonly string[], requestId: string | undefined) =>
    (requestId !== undefined && requestIds.has(requestId)) ||
    names.some((name) => resources.some((r) => name === r || name.endsWith(`/${r}`)));
  const places = placesOf(run);
  const events: RunEvent[] = [];
  const gaps: RunEvents['gaps'] = [];
  for (const where of places) {
    try {
      for (const event of await lookup(ctx, where, { start, end })) {
        const found = toRunEvent(event, where, matches);
        if (found) events.push(found);
      }
    } catch (caught) {
      gaps.push({ ...where, error: toSerializedError(caught, ctx.logger, 'workflows.events') });
    }
  }
  events.sort((a, b) => b.time.localeCompare(a.time));
  return { events, resources, places, start: start.toISOString(), end: end.toISOString(), gaps };
}
