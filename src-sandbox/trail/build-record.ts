import { randomUUID } from 'node:crypto';
import type { Caller } from '../identity/caller';
import type { CloudTrailRecord, TrailResource, UserIdentity } from './types';

export const EVENT_VERSION = '1.08';

let lastSecond = NaN;
let lastText = '';

/** CloudTrail `eventTime`: ISO with seconds precision (the last second's text is reused). */
export function eventTimeOf(date: Date): string {
  const second = Math.floor(date.getTime() / 1000);
  if (second === lastSecond) return lastText;
  const iso = date.toISOString();
  // `YYYY-MM-DDTHH:MM:SS.mmmZ` (24 chars) for years 0–9999; other years keep the regex.
  lastText = iso.length === 24 ? `${iso.slice(0, 19)}Z` : iso.replace(/\.\d{3}Z$/, 'Z');
  lastSecond = second;
  return lastText;
}

/** The `userIdentity` block for a caller (reference §5.2). */
export function userIdentityOf(caller: Caller, invokedBy?: string): UserIdentity {
  const extra = invokedBy === undefined ? {} : { invokedBy };
  const attributes = {
    creationDate: caller.sessionIssuedAt ?? eventTimeOf(new Date()),
    mfaAuthenticated: caller.mfaAuthenticated ? ('true' as const) : ('false' as const),
  };
  switch (caller.kind) {
    case 'root':
      return {
        type: 'Root',
        principalId: caller.account,
        arn: caller.arn,
        accountId: caller.account,
        accessKeyId: caller.accessKeyId,
        ...extra,
      };
    case 'user':
      return {
        type: 'IAMUser',
        principalId: caller.userId,
        arn: caller.arn,
        accountId: caller.account,
        accessKeyId: caller.accessKeyId,
        ...(caller.userName === undefined ? {} : { userName: caller.userName }),
        ...(caller.temporary ? { sessionContext: { attributes } } : {}),
        ...extra,
      };
    case 'assumed-role':
      return {
        type: 'AssumedRole',
        principalId: caller.userId,
        arn: caller.arn,
        accountId: caller.account,
        accessKeyId: caller.accessKeyId,
        sessionContext: {
          attributes,
          ...(caller.role
            ? {
                sessionIssuer: {
                  type: 'Role' as const,
                  principalId: caller.role.id,
                  arn: caller.role.arn,
                  accountId: caller.account,
                  userName: caller.role.name,
                },
              }
            : {}),
        },
        ...extra,
      };
  }
}

export interface RecordInput {
  readonly userIdentity: UserIdentity;
  readonly eventTime: Date;
  readonly eventSource: string;
  readonly eventName: string;
  readonly awsRegion: string;
  readonly sourceIPAddress: string;
  readonly userAgent: string;
  readonly recipientAccountId: string;
  readonly readOnly: boolean;
  readonly requestParameters?: unknown;
  readonly responseElements?: unknown;
  readonly additionalEventData?: unknown;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly requestID?: string;
  readonly eventID?: string;
  readonly resources?: readonly TrailResource[];
  readonly eventType?: 'AwsApiCall' | 'AwsServiceEvent';
  readonly serviceEventDetails?: unknown;
  readonly sharedEventID?: string;
}

/** Builds a complete record with CloudTrail's field order and defaults. */
export function buildRecord(input: RecordInput): CloudTrailRecord {
  return {
    eventVersion: EVENT_VERSION,
    userIdentity: input.userIdentity,
    eventTime: eventTimeOf(input.eventTime),
    eventSource: input.eventSource,
    eventName: input.eventName,
    awsRegion: input.awsRegion,
    sourceIPAddress: input.sourceIPAddress,
    userAgent: input.userAgent,
    ...(input.errorCode === undefined ? {} : { errorCode: input.errorCode }),
    ...(input.errorMessage === undefined ? {} : { errorMessage: input.errorMessage }),
    requestParameters: input.requestParameters ?? null,
    responseElements: input.responseElements ?? null,
    ...(input.additionalEventData === undefined
      ? {}
      : { additionalEventData: input.additionalEventData }),
    ...(input.requestID === undefined ? {} : { requestID: input.requestID }),
    eventID: input.eventID ?? randomUUID(),
    readOnly: input.readOnly,
    ...(input.resources === undefined || input.resources.length === 0
      ? {}
      : { resources: input.resources }),
    eventType: input.eventType ?? 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: input.recipientAccountId,
    ...(input.sharedEventID === undefined ? {} : { sharedEventID: input.sharedEventID }),
    ...(input.serviceEventDetails === undefined
      ? {}
      : { serviceEventDetails: input.serviceEventDetails }),
    eventCategory: 'Management',
  };
}

const REDACTED = new Set([
  'plaintext',
  'ciphertextblob',
  'secretaccesskey',
  'sessiontoken',
  'tokencode',
  'password',
  'importtoken',
  'encryptedkeymaterial',
  'message',
  'mac',
  'signature',
]);

function lowerFirst(key: string): string {
  return key.length === 0 ? key : key[0]?.toLowerCase() + key.slice(1);
}

/**
 * CloudTrail style for request/response members: lower camel case; blobs and secrets dropped;
 * Dates as ISO; bytes never logged; empty object → null.
 */
export function toTrailMembers(value: unknown): unknown {
  const walk = (v: unknown): unknown => {
    if (v instanceof Date) return eventTimeOf(v);
    if (v instanceof Uint8Array) return undefined;
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: [string, unknown][] = [];
      for (const [k, child] of Object.entries(v)) {
        if (REDACTED.has(k.toLowerCase()) || child === undefined) continue;
        const w = walk(child);
        if (w !== undefined) out.push([lowerFirst(k), w]);
      }
      return Object.fromEntries(out); // keeps a member named __proto__, as the call sent it
    }
    return v;
  };
  const result = walk(value);
  if (result !== null && typeof result === 'object' && Object.keys(result).length === 0)
    return null;
  return result ?? null;
}
