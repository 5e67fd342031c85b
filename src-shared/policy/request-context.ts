// Case-insensitive access to the request context, with the principal keys that every AWS
// request carries derived from the principal when the caller did not supply them.
import type { ContextValue, Principal, RequestContext } from './types';

export interface ContextLookup {
  /** Values of a key (names compared case-insensitively); `undefined` when absent or empty. */
  readonly get: (key: string) => readonly string[] | undefined;
  /** The request's encryption context, from the `kms:EncryptionContext:<key>` entries. */
  readonly encryptionContext: () => Readonly<Record<string, string>>;
}

const EC_PREFIX = 'kms:encryptioncontext:';

/**
 * Context keys AWS populates from the caller itself: `aws:PrincipalArn` (the role ARN for an
 * assumed-role session), `aws:PrincipalAccount`, `aws:username` (IAM users),
 * `aws:PrincipalServiceName` (service principals) and, for `kms:` actions, `kms:CallerAccount`.
 */
export function deriveContext(principal: Principal, action: string): Record<string, ContextValue> {
  const derived: Record<string, ContextValue> = {};
  const isPerson = principal.kind !== 'service' && principal.kind !== 'anonymous';
  if (isPerson) {
    derived['aws:PrincipalArn'] =
      principal.kind === 'assumed-role' ? (principal.roleArn ?? principal.arn) : principal.arn;
    if (principal.account !== '') {
      derived['aws:PrincipalAccount'] = principal.account;
      if (action.toLowerCase().startsWith('kms:')) derived['kms:CallerAccount'] = principal.account;
    }
  }
  if (principal.kind === 'user') {
    const name = principal.arn.slice(principal.arn.lastIndexOf('/') + 1);
    if (name !== '') derived['aws:username'] = name;
  }
  if (principal.kind === 'service' && principal.service !== undefined) {
    derived['aws:PrincipalServiceName'] = principal.service;
  }
  return derived;
}

function toStrings(value: ContextValue): readonly string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  return value;
}

export function createContextLookup(request: RequestContext): ContextLookup {
  const values = new Map<string, readonly string[] | undefined>();
  const names = new Map<string, string>();
  const add = (key: string, value: ContextValue | undefined): void => {
    const lower = key.toLowerCase();
    const list = value === undefined ? undefined : toStrings(value);
    values.set(lower, list !== undefined && list.length > 0 ? list : undefined);
    names.set(lower, key);
  };
  for (const [key, value] of Object.entries(deriveContext(request.principal, request.action))) {
    add(key, value);
  }
  // Explicit entries win over derived ones, including an explicit `undefined` (= absent).
  for (const [key, value] of Object.entries(request.context)) add(key, value);

  return {
    get: (key) => values.get(key.toLowerCase()),
    encryptionContext: () => {
      const pairs: [string, string][] = [];
      for (const [lower, list] of values) {
        const first = list?.[0];
        if (!lower.startsWith(EC_PREFIX) || first === undefined) continue;
        const original = names.get(lower) ?? lower;
        pairs.push([original.slice(EC_PREFIX.length), first]);
      }
      // fromEntries keeps a key named __proto__ as a key; an assignment would drop it.
      return Object.fromEntries(pairs);
    },
  };
}
