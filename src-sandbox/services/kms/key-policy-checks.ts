import { validateKeyPolicy, wouldLockOut } from '../../../src-shared/policy';
import { identityPoliciesOf } from '../../identity/identity-policies';
import { ACCOUNT, IAM_ROLE, IAM_USER } from '../../identity/model';
import { GLOBAL_REGION, type StoreReader } from '../../state/store-types';
import type { ServiceContext } from '../types';
import { CryptoInputError } from './crypto';
import { kmsError, malformedPolicy, tagError } from './errors';
import type { Tag } from './model';

/**
 * Whether a policy principal exists. Account roots are always accepted (any AWS account may be
 * named); users and roles must exist when their account is one the sandbox knows.
 */
export function principalExists(store: StoreReader, arn: string): boolean {
  const m = /^arn:aws[a-z-]*:(iam|sts)::(\d{12}):(root|user\/.+|role\/.+|assumed-role\/.+)$/.exec(
    arn,
  );
  if (!m?.[2] || !m[3]) return false;
  if (m[3] === 'root') return true;
  const scope = { account: m[2], region: GLOBAL_REGION };
  if (!store.get(ACCOUNT, scope, m[2])) return false;
  const name = (path: string) => path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (m[3].startsWith('user/')) return store.get(IAM_USER, scope, name(m[3])) !== undefined;
  if (m[3].startsWith('role/')) return store.get(IAM_ROLE, scope, name(m[3])) !== undefined;
  const role = m[3].split('/')[1] ?? '';
  return store.get(IAM_ROLE, scope, role.toLowerCase()) !== undefined;
}

export const LOCKOUT_MESSAGE =
  'The new key policy will not allow you to update the key policy in the future.';

/**
 * CreateKey/PutKeyPolicy/ReplicateKey policy checks (reference §2.6.3): size, grammar,
 * principals, then the lockout safety check unless bypassed.
 */
export function checkNewPolicy(
  ctx: ServiceContext,
  text: string,
  keyArn: string,
  bypassLockoutCheck: boolean,
): void {
  const result = validateKeyPolicy(text, (arn) => principalExists(ctx.store, arn));
  if (!result.ok) throw kmsError(result.code, result.message);
  if (bypassLockoutCheck) return;
  const locked = wouldLockOut(result.policy, ctx.principal, keyArn, {
    identityPolicies: identityPoliciesOf(ctx.caller, ctx.store),
    context: ctx.baseContext(),
  });
  if (locked) throw malformedPolicy(LOCKOUT_MESSAGE);
}

export const MAX_TAGS = 50;

/** Tag rules (reference §2.5.7): unique keys in a request, no `aws:` prefix. */
export function checkTags(tags: readonly Tag[]): void {
  const seen = new Set<string>();
  for (const tag of tags) {
    if (tag.TagKey.toLowerCase().startsWith('aws:')) {
      throw tagError(`Tag keys starting with 'aws:' are reserved: ${tag.TagKey}`);
    }
    // UNCONFIRMED: duplicate keys in one request.
    if (seen.has(tag.TagKey)) throw tagError(`Duplicate tag key ${tag.TagKey} in the request.`);
    seen.add(tag.TagKey);
  }
  if (tags.length > MAX_TAGS) throw tagError(`A key can have at most ${MAX_TAGS} tags.`);
}

/** Runs crypto-module code, turning its CryptoInputError into the KMS error it names. */
export function viaCrypto<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof CryptoInputError) throw kmsError(e.awsCode, e.message);
    throw e;
  }
}
