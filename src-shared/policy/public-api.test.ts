// Compile-time contract: the public signatures other folders code against (checked by tsc),
// plus a runtime check that index.ts exports them.
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as api from './index';
import type {
  AccessVerdict,
  Authorization,
  AuthorizationInput,
  DefaultKeyPolicyOptions,
  DiffPoliciesResult,
  EffectiveAccessOptions,
  Evaluation,
  KeyAccessRow,
  KeyPolicyContext,
  KeyPolicyDiagnostic,
  KeyPolicyLintContext,
  KeyPolicyView,
  ParseKeyPolicyViewResult,
  PolicyDocument,
  PolicyKind,
  PolicyProblem,
  Principal,
  RequestContext,
} from './index';

type ParseSignature = (
  input: string | unknown,
  kind: PolicyKind,
) => { ok: true; policy: PolicyDocument } | { ok: false; errors: readonly PolicyProblem[] };
type EvaluateSignature = (
  policy: PolicyDocument,
  request: RequestContext,
  kind: PolicyKind,
) => Evaluation;
type AuthorizeSignature = (input: AuthorizationInput) => Authorization;
type LockOutSignature = (policy: PolicyDocument, caller: Principal, keyArn: string) => boolean;
type ValidateSignature = (
  text: string,
  principalExists: (arn: string) => boolean,
) => { ok: true; policy: PolicyDocument } | { ok: false; message: string };

type ParseKeyPolicyViewSignature = (
  document: unknown,
  context: KeyPolicyContext,
) => ParseKeyPolicyViewResult;
type EmitKeyPolicySignature = (view: KeyPolicyView) => Record<string, unknown>;
type ViewEdit = (view: KeyPolicyView, subject: string) => KeyPolicyView;
type BuildDefaultSignature = (options: DefaultKeyPolicyOptions) => Record<string, unknown>;
type LintSignature = (text: string, context: KeyPolicyLintContext) => KeyPolicyDiagnostic[];
type EffectiveAccessSignature = (
  keyPolicy: PolicyDocument,
  options: EffectiveAccessOptions,
) => KeyAccessRow[];
type DiffSignature = (before: unknown, after: unknown) => DiffPoliciesResult;

const KEY_POLICY_FUNCTIONS = [
  'parseKeyPolicyView',
  'emitKeyPolicy',
  'describeKeyPolicyView',
  'addAdministrator',
  'removeAdministrator',
  'setAdministratorsMayDelete',
  'addKeyUser',
  'removeKeyUser',
  'addOtherAccount',
  'removeOtherAccount',
  'setAllowAttachment',
  'addServicePrincipal',
  'removeServicePrincipal',
  'buildDefaultKeyPolicy',
  'lintKeyPolicy',
  'scanJson',
  'locateJsonPointer',
  'rangeOfJsonPointer',
  'rangeOfStatement',
  'effectiveKeyAccess',
  'diffPolicies',
];

describe('key policy API', () => {
  it('exports the agreed functions with the agreed signatures', () => {
    expectTypeOf(api.parseKeyPolicyView).toExtend<ParseKeyPolicyViewSignature>();
    expectTypeOf(api.emitKeyPolicy).toExtend<EmitKeyPolicySignature>();
    expectTypeOf(api.addAdministrator).toExtend<ViewEdit>();
    expectTypeOf(api.addKeyUser).toExtend<ViewEdit>();
    expectTypeOf(api.addOtherAccount).toExtend<ViewEdit>();
    expectTypeOf(api.addServicePrincipal).toExtend<ViewEdit>();
    expectTypeOf(api.setAdministratorsMayDelete).toExtend<
      (view: KeyPolicyView, mayDelete: boolean) => KeyPolicyView
    >();
    expectTypeOf(api.setAllowAttachment).toExtend<
      (view: KeyPolicyView, allow: boolean) => KeyPolicyView
    >();
    expectTypeOf(api.buildDefaultKeyPolicy).toExtend<BuildDefaultSignature>();
    expectTypeOf(api.lintKeyPolicy).toExtend<LintSignature>();
    expectTypeOf(api.effectiveKeyAccess).toExtend<EffectiveAccessSignature>();
    expectTypeOf(api.diffPolicies).toExtend<DiffSignature>();
    expectTypeOf<AccessVerdict>().toEqualTypeOf<
      'allowed' | 'conditional' | 'depends-on-iam' | 'denied'
    >();
    const missing = KEY_POLICY_FUNCTIONS.filter(
      (name) => typeof (api as Record<string, unknown>)[name] !== 'function',
    );
    expect(missing).toEqual([]);
  });
});

describe('public API', () => {
  it('exports the agreed functions with the agreed signatures', () => {
    expectTypeOf(api.parsePolicy).toExtend<ParseSignature>();
    expectTypeOf(api.evaluatePolicy).toExtend<EvaluateSignature>();
    expectTypeOf(api.authorize).toExtend<AuthorizeSignature>();
    expectTypeOf(api.wouldLockOut).toExtend<LockOutSignature>();
    expectTypeOf(api.validateKeyPolicy).toExtend<ValidateSignature>();
    expectTypeOf<Authorization['via']>().toEqualTypeOf<
      'root-of-account' | 'identity-policy' | 'resource-policy' | 'grant' | 'none'
    >();
    expect(
      ['parsePolicy', 'evaluatePolicy', 'authorize', 'wouldLockOut', 'validateKeyPolicy'].every(
        (name) => typeof (api as Record<string, unknown>)[name] === 'function',
      ),
    ).toBe(true);
  });
});
