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
import {
  IAM_GROUP,
  IAM_ROLE,
  IAM_USER,
  type IamGroupDoc,
  type IamRoleDoc,
  type IamUserDoc,
} from './model';

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

type Holder = IamUserDoc | IamRoleDoc | IamGroupDoc;

const textsOf = (holder: Holder) => [
  ...Object.values(holder.policies),
  ...attachedPolicyTexts(holder.attachedPolicies),
];

/**
 * The caller's identity-based policies: a user's inline and attached managed policies and those
 * of its groups, or those of the role behind a session. IAM names are stored under their
 * lower-case form.
 */
export function identityPoliciesOf(caller: Caller, store: StoreReader): readonly PolicyDocument[] {
  const scope = { account: caller.account, region: GLOBAL_REGION };
  const holders: Holder[] = [];
  if (caller.kind === 'user' && caller.userName !== undefined) {
    const user = store.get(IAM_USER, scope, caller.userName.toLowerCase());
    for (const name of user?.groups ?? []) {
      const group = store.get(IAM_GROUP, scope, name.toLowerCase());
      if (group) holders.push(group);
    }
    if (user) holders.push(user);
  } else if (caller.kind === 'assumed-role' && caller.role) {
    const role = store.get(IAM_ROLE, scope, caller.role.name.toLowerCase());
    if (role) holders.push(role);
  }
  const texts = holders.flatMap(textsOf);
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
