// Recent use of a key from CloudTrail's event history (LookupEvents by the key's ARN): the one
// lookup behind the deletion impact report's "recent use" and the cost card's request estimate.
import { CloudTrailClient, paginateLookupEvents } from '@aws-sdk/client-cloudtrail';
import { z } from 'zod';
import {
  ACTIVITY_PAGE_CAP,
  ACTIVITY_PAGE_SIZE,
  CRYPTOGRAPHIC_OPERATIONS,
  type KeyActivity,
  type KeyActivityResult,
} from '../../src-shared/models/key-activity';
import { toSerializedError } from '../operations/to-serialized-error';
import { parseAws } from './aws-shapes';
import type { KeyContext } from './key-context';

const DAY_MS = 86_400_000;

const eventSchema = z.object({
  EventName: z.string().optional(),
  EventTime: z.date().optional(),
  Username: z.string().optional(),
  CloudTrailEvent: z.string().optional(),
});
type TrailEvent = z.infer<typeof eventSchema>;

const recordSchema = z.object({
  userIdentity: z
    .object({ arn: z.string().optional(), invokedBy: z.string().optional() })
    .optional(),
});

/** A role's sessions count as the role: `arn:aws:iam::<acct>:role/<name>`. */
function asRole(arn: string): string {
  const session = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(arn);
  return session ? `arn:${session[1]}:iam::${session[2]}:role/${session[3]}` : arn;
}

/** The caller's ARN from the full record; AWS service events name the service instead. */
function callerOf(event: TrailEvent): string | null {
  const caller = rawCallerOf(event);
  return caller === null ? null : asRole(caller);
}

function rawCallerOf(event: TrailEvent): string | null {
  if (event.CloudTrailEvent !== undefined) {
    try {
      const record = recordSchema.safeParse(JSON.parse(event.CloudTrailEvent));
      const identity = record.success ? record.data.userIdentity : undefined;
      const caller = identity?.arn ?? identity?.invokedBy;
      if (caller !== undefined) return caller;
    } catch {
      // A record that is not JSON still has its Username.
    }
  }
  return event.Username ?? null;
}

function top(values: readonly string[]): KeyActivity['topEvents'] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([name, count]) => ({ name, count }));
}

export function summarise(events: readonly TrailEvent[], days: number, capped: boolean) {
  const named = events.map((e) => ({ ...e, name: e.EventName ?? 'unknown', caller: callerOf(e) }));
  // Use is what breaks when the key goes: the cryptographic calls, not reads of its settings.
  const used = named.filter((e) => CRYPTOGRAPHIC_OPERATIONS.includes(e.name));
  const newest = used[0];
  return {
    days,
    count: named.length,
    cryptographicCount: used.length,
    capped,
    last:
      newest?.EventTime === undefined
        ? null
        : { time: newest.EventTime.toISOString(), eventName: newest.name, caller: newest.caller },
    topEvents: top(named.map((e) => e.name)),
    topCallers: top(used.flatMap((e) => (e.caller === null ? [] : [e.caller]))),
  } satisfies KeyActivity;
}

async function lookup(
  ctx: KeyContext,
  where: { profileId: string; region: string },
  keyArn: string,
  days: number,
  now: Date,
): Promise<KeyActivity> {
  const client = await ctx.aws.client(
    CloudTrailClient,
    await ctx.principal(where.profileId),
    where.region,
  );
  const pages = paginateLookupEvents(
    { client, pageSize: ACTIVITY_PAGE_SIZE },
    {
      LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: keyArn }],
      StartTime: new Date(now.getTime() - days * DAY_MS),
      EndTime: now,
    },
  );
  const events: TrailEvent[] = [];
  let read = 0;
  let capped = false;
  for await (const page of pages) {
    events.push(...parseAws(z.array(eventSchema), page.Events ?? [], 'LookupEvents'));
    read++;
    if (read >= ACTIVITY_PAGE_CAP && page.NextToken !== undefined) {
      capped = true;
      break;
    }
  }
  return summarise(events, days, capped);
}

/** What CloudTrail recorded for the key in its Region over the last `days` days, or why not. */
export async function keyActivity(
  ctx: KeyContext,
  where: { profileId: string; region: string },
  keyArn: string,
  days: number,
  now: Date = new Date(),
): Promise<KeyActivityResult> {
  try {
    return { activity: await lookup(ctx, where, keyArn, days, now), reason: null, error: null };
  } catch (caught) {
    const error = toSerializedError(caught, ctx.logger, 'keys.activity');
    const reason =
      error.code === 'access-denied'
        ? 'CloudTrail is not readable with this profile'
        : `CloudTrail could not be read: ${error.message}`;
    return { activity: null, reason, error };
  }
}
