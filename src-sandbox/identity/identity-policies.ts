import {
  parsePolicy,
  type PolicyDocument,
  type PolicyKind,
  type Principal,
} from '../../src-shared/policy';
import type { StoreReader } from '../state/store-types';
import { GLOBAL_REGION } from '../state/store-types';
import type { Caller } from './caller';
import { attachedPolicyTexts } from './managed-policies';
import { IAM_ROLE, IAM_USER, type IamRoleDoc, type IamUserDoc } from './model';

const cache = new Map<string, PolicyDocument | null>();

/** Parses policy text once and remembers it (policies are re-read on every request). */
export function parsePolicyCached(text: string, kind: PolicyKind): PolicyDocument | undefined {
  const key = `${kind}\u0000${text}`;
  let hit = cache.get(key);
  if (hit === undefined) {
    const parsed = parsePolicy(text, kind);
    hit = parsed.ok ? parsed.policy : null;
    if (cache.size > 5000) cache.clear();
    cache.set(key, hit);
  }
  return hit ?? undefined;
}

/**
 * The caller's identity-based policies: a user's inline and attached managed policies, or those
 * of the role behind a session. IAM names are stored under their lower-case form.
 */
export function identityPoliciesOf(caller: Caller, store: StoreReader): readonly PolicyDocument[] {
  const scope = { account: caller.account, region: GLOBAL_REGION };
  let holder: IamUserDoc | IamRoleDoc | undefined;
  if (caller.kind === 'user' && caller.userName !== undefined) {
    holder = store.get(IAM_USER, scope, caller.userName.toLowerCase());
  } else if (caller.kind === 'assumed-role' && caller.role) {
    holder = store.get(IAM_ROLE, scope, caller.role.name.toLowerCase());
  }
  const texts = holder
    ? [...Object.values(holder.policies), ...attachedPolicyTexts(holder.attachedPolicies)]
    : [];
  const out: PolicyDocument[] = [];
  for (const text of texts) {
    const doc = parsePolicyCached(text, 'identity');
    if (doc) out.push(doc);
  }
  return out;
}

export function toPolicyPrincipal(caller: Caller): Principal {
  return {
    arn: caller.arn,
    account: caller.account,
    kind: caller.kind,
    ...(caller.role ? { roleArn: caller.role.arn } : {}),
  };
}
