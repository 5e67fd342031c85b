import { z } from 'zod';
import { parsePolicy, type PolicyKind } from '../../../src-shared/policy';
import { SandboxError } from '../../protocols/sandbox-error';
import { uriEncode } from '../../auth/sigv4';
import type { ServiceContext } from '../types';
import { awsInt, awsString } from '../validation';

export const NAME = awsString(1, 64, /^[\w+=,.@-]+$/, '[\\w+=,.@-]+');
export const POLICY_NAME = awsString(1, 128, /^[\w+=,.@-]+$/, '[\\w+=,.@-]+');
/** Group names follow the policy-name rule: up to 128, twice a user or role name. */
export const GROUP_NAME = POLICY_NAME;
export const PATH = awsString(
  1,
  512,
  /^(\/|\/[\u0021-\u007E]+\/)$/,
  '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)',
);
export const POLICY_DOCUMENT = awsString(1, 131072);
export const MARKER = awsString(1, 320).optional();
export const MAX_ITEMS = awsInt(1, 1000).optional();
export const TAGS = z.unknown().optional();

/** IAM names are unique case-insensitively; documents are keyed by the lower-case name. */
export const nameKey = (name: string): string => name.toLowerCase();

export const userArn = (account: string, path: string, name: string) =>
  `arn:aws:iam::${account}:user${path}${name}`;
export const roleArn = (account: string, path: string, name: string) =>
  `arn:aws:iam::${account}:role${path}${name}`;

export const groupArn = (account: string, path: string, name: string) =>
  `arn:aws:iam::${account}:group${path}${name}`;

/** IAM returns policy documents URL-encoded (RFC 3986), reference §1.6. */
export const encodePolicy = (text: string): string => uriEncode(text);

export function iamDate(iso: string): Date {
  return new Date(iso);
}

export function noSuchEntity(message: string): SandboxError {
  return new SandboxError('NoSuchEntity', message, 404);
}

export function alreadyExists(message: string): SandboxError {
  return new SandboxError('EntityAlreadyExists', message, 409);
}

export function deleteConflict(message: string): SandboxError {
  return new SandboxError('DeleteConflict', message, 409);
}

export function limitExceeded(message: string): SandboxError {
  return new SandboxError('LimitExceeded', message, 409);
}

/** Parses a policy document or throws MalformedPolicyDocument with the evaluator's first problem. */
export function requireValidPolicy(text: string, kind: PolicyKind): void {
  const parsed = parsePolicy(text, kind);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new SandboxError(
      'MalformedPolicyDocument',
      first?.message ?? 'Syntax errors in policy.',
      400,
    );
  }
}

/** Policy size as IAM counts it: characters other than whitespace. */
export function policySize(text: string): number {
  return text.replace(/\s+/g, '').length;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly IsTruncated: boolean;
  readonly Marker?: string;
}

/** IAM `Marker`/`MaxItems` paging (default 100). The marker is an opaque offset. */
export function paginate<T>(
  items: readonly T[],
  marker: string | undefined,
  maxItems: number | undefined,
): Page<T> {
  let start = 0;
  if (marker !== undefined) {
    start = Number(Buffer.from(marker, 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0) {
      throw new SandboxError('InvalidInput', 'Invalid Marker.', 400);
    }
  }
  const size = maxItems ?? 100;
  const page = items.slice(start, start + size);
  const next = start + size;
  return next < items.length
    ? { items: page, IsTruncated: true, Marker: Buffer.from(String(next)).toString('base64url') }
    : { items: page, IsTruncated: false };
}

/** The caller's own user name, for operations whose `UserName` defaults to the caller. */
export function callerUserName(ctx: ServiceContext, given: string | undefined): string | undefined {
  if (given !== undefined) return given;
  if (ctx.caller.kind === 'user') return ctx.caller.userName;
  if (ctx.caller.kind === 'root') return undefined;
  throw ctx.errors.validation('Must specify userName when calling with non-User credentials');
}
