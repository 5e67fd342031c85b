import {
  effectiveKeyAccess,
  type EffectiveAccessOptions,
  type KeyAccessRow,
} from '../../../../src-shared/policy/key-policy/effective-key-access';
import { lintKeyPolicy } from '../../../../src-shared/policy/key-policy/lint-key-policy';
import type { KeyPolicyDiagnostic } from '../../../../src-shared/policy/key-policy/lint-types';
import type {
  KeyPolicyContext,
  KeyPolicyView,
} from '../../../../src-shared/policy/key-policy/key-policy-view';
import { parseKeyPolicyView } from '../../../../src-shared/policy/key-policy/parse-key-policy-view';
import { emitKeyPolicy } from '../../../../src-shared/policy/key-policy/emit-key-policy';
import { readRawPolicy } from '../../../../src-shared/policy/key-policy/raw-policy';

/** Where the policy applies and who will save it: what lint and effective access need. */
export interface PolicyPlace {
  readonly accountId: string;
  readonly keyArn: string;
  /** The caller that will save (the profile's ARN); enables the lockout check. */
  readonly callerArn?: string;
  readonly keySpec?: string;
  readonly keyUsage?: KeyPolicyContext['keyUsage'];
  /** The IAM policies read for the principals (keys.principalPolicies), for effective access. */
  readonly iam?: Pick<EffectiveAccessOptions, 'identities' | 'accountPrincipals'>;
}

/** Everything the editor shows about one text of the policy, computed once per change. */
export interface PolicyAnalysis {
  readonly diagnostics: readonly KeyPolicyDiagnostic[];
  readonly errors: readonly KeyPolicyDiagnostic[];
  /** `undefined` while the text does not parse: the visual view then waits for the JSON fix. */
  readonly view?: KeyPolicyView;
  readonly access?: readonly KeyAccessRow[];
}

export function policyContext(place: PolicyPlace): KeyPolicyContext {
  return {
    accountId: place.accountId,
    region: place.keyArn.split(':')[3] ?? '',
    keyArn: place.keyArn,
    ...(place.keySpec === undefined ? {} : { keySpec: place.keySpec }),
    ...(place.keyUsage === undefined ? {} : { keyUsage: place.keyUsage }),
  };
}

export function analysePolicy(text: string, place: PolicyPlace): PolicyAnalysis {
  const diagnostics = lintKeyPolicy(text, {
    accountId: place.accountId,
    keyArn: place.keyArn,
    ...(place.callerArn ? { callerArn: place.callerArn } : {}),
  });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const parsed = parseKeyPolicyView(text, policyContext(place));
  if (!parsed.ok) return { diagnostics, errors };
  const raw = readRawPolicy(text);
  const access = raw.ok
    ? effectiveKeyAccess(raw.value.policy, {
        accountId: place.accountId,
        keyArn: place.keyArn,
        ...place.iam,
      })
    : undefined;
  return { diagnostics, errors, view: parsed.view, ...(access ? { access } : {}) };
}

/** The policy text a visual edit produces: two-space JSON, as AWS shows policies. */
export function printView(view: KeyPolicyView): string {
  return JSON.stringify(emitKeyPolicy(view), null, 2);
}

/** Pretty-prints a policy read from AWS (which may come as one line); bad JSON stays as is. */
export function prettyPolicy(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
