// Compile-time contract: the public signatures other folders code against (checked by tsc),
// plus a runtime check that index.ts exports them.
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as api from './index';
import type {
  Authorization,
  AuthorizationInput,
  Evaluation,
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
