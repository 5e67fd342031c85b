import type { TokenBuckets } from '../../../src-shared/quotas/token-bucket';
import { SandboxError } from '../../protocols/sandbox-error';
import {
  LOOKUP_ATTRIBUTE_KEYS,
  type LookupAttributeKey,
  type LookupEvent,
} from '../../trail/types';
import { defineOperation } from '../define-operation';
import type { Operation, ServiceContext } from '../types';
import { lookupEventsInput, type LookupEventsInput } from './schemas';

/** Reference §5.1. Messages are the sandbox's own wording (AWS's exact texts are UNCONFIRMED). */
const invalidAttributes = (message: string) =>
  new SandboxError('InvalidLookupAttributesException', message);

/** Event history covers the last 90 days (reference §5.1). */
const RETENTION_DAYS = 90;

/** Insights lookups accept only these keys (reference §5.1). */
const INSIGHT_KEYS: readonly LookupAttributeKey[] = ['EventId', 'EventName', 'EventSource'];

function isAttributeKey(key: string): key is LookupAttributeKey {
  return (LOOKUP_ATTRIBUTE_KEYS as readonly string[]).includes(key);
}

/** `_`, space, `,` and `\n` count double towards the 2000-character limit (reference §5.1). */
function weightedLength(value: string): number {
  let n = value.length;
  for (const ch of value) if (ch === '_' || ch === ' ' || ch === ',' || ch === '\n') n++;
  return n;
}

function checkAttribute(
  attributes: LookupEventsInput['LookupAttributes'],
  insight: boolean,
): { key: LookupAttributeKey; value: string } | undefined {
  if (attributes === undefined || attributes.length === 0) return undefined;
  if (attributes.length > 1) {
    throw invalidAttributes('You can specify only one lookup attribute per request.');
  }
  const [only] = attributes;
  if (only === undefined) return undefined;
  const { AttributeKey: key, AttributeValue: value } = only;
  if (!isAttributeKey(key)) {
    throw invalidAttributes(
      `Invalid AttributeKey '${key}'. Valid keys: ${LOOKUP_ATTRIBUTE_KEYS.join(', ')}.`,
    );
  }
  if (insight && !INSIGHT_KEYS.includes(key)) {
    throw invalidAttributes(
      `AttributeKey ${key} is not supported for Insights events. Valid keys: ${INSIGHT_KEYS.join(', ')}.`,
    );
  }
  if (value.length === 0 || weightedLength(value) > 2000) {
    throw invalidAttributes('AttributeValue must be between 1 and 2000 characters long.');
  }
  if (key === 'ReadOnly' && value !== 'true' && value !== 'false') {
    // UNCONFIRMED: AWS may instead match nothing for other values.
    throw invalidAttributes("The value of the ReadOnly attribute must be 'true' or 'false'.");
  }
  return { key, value };
}

function lookup(ctx: ServiceContext, input: LookupEventsInput, read: LookupReader) {
  ctx.authorize('cloudtrail:LookupEvents', '*');
  const max = input.MaxResults ?? 50;
  if (max < 1 || max > 50) {
    throw new SandboxError(
      'InvalidMaxResultsException',
      `Value ${max} for MaxResults is invalid. MaxResults must be between 1 and 50.`,
    );
  }
  const category = input.EventCategory;
  if (category !== undefined && category !== 'insight') {
    throw new SandboxError(
      'InvalidEventCategoryException',
      `Invalid EventCategory '${category}'. The only valid value is 'insight'.`,
    );
  }
  const attribute = checkAttribute(input.LookupAttributes, category === 'insight');
  const { StartTime: start, EndTime: end } = input;
  if (start && end && start.getTime() > end.getTime()) {
    throw new SandboxError('InvalidTimeRangeException', 'Start time must be before end time.');
  }
  if (category === 'insight') {
    // The sandbox generates no Insights events: every Insights lookup is empty.
    if (input.NextToken !== undefined) {
      throw new SandboxError('InvalidNextTokenException', 'Invalid NextToken');
    }
    return { Events: [] };
  }
  const page = read({
    account: ctx.account,
    region: ctx.region,
    limit: max,
    notBefore: new Date(ctx.now().getTime() - RETENTION_DAYS * 86_400_000),
    ...(attribute ? { attribute } : {}),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(input.NextToken === undefined ? {} : { nextToken: input.NextToken }),
  });
  return { Events: page.events, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
}

/** The trail query the operation runs (TrailStore.query of the running sandbox). */
export type LookupReader = (q: {
  readonly account: string;
  readonly region: string;
  readonly limit: number;
  readonly attribute?: { readonly key: LookupAttributeKey; readonly value: string };
  readonly start?: Date;
  readonly end?: Date;
  readonly notBefore?: Date;
  readonly nextToken?: string;
}) => { readonly events: readonly LookupEvent[]; readonly nextToken?: string };

/**
 * LookupEvents: throttled first (CloudTrail's front door; 2 TPS per account and region), then
 * validated, authorised (`cloudtrail:LookupEvents` on `*`) and answered newest first.
 * The call itself is recorded as a read-only management event (eventSource
 * cloudtrail.amazonaws.com), as AWS does; `responseElements` is never logged.
 */
export function lookupEventsOperation(buckets: TokenBuckets, read: LookupReader): Operation {
  const inner = defineOperation({
    input: lookupEventsInput,
    readOnly: true,
    handler: (ctx, input) => lookup(ctx, input, read),
    responseElements: null,
  });
  return {
    readOnly: true,
    run(ctx, raw) {
      if (!buckets.tryTake(`${ctx.account}/${ctx.region}`)) {
        const t = ctx.service.errors.throttling;
        return Promise.reject(new SandboxError(t.code, t.message, t.status));
      }
      return inner.run(ctx, raw);
    },
  };
}
