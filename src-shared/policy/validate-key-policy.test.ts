import { describe, expect, it } from 'vitest';
import { MAX_KEY_POLICY_BYTES, validateKeyPolicy } from './validate-key-policy';
import { OWNER } from './test-helpers';

const known = new Set([`arn:aws:iam::${OWNER}:root`, `arn:aws:iam::${OWNER}:role/KmsAdmin`]);
const exists = (arn: string): boolean => known.has(arn);

function text(principal: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: principal, Action: 'kms:*', Resource: '*', ...extra },
    ],
  });
}

describe('validateKeyPolicy', () => {
  it('accepts the default key policy in AWS’s pretty-printed form', () => {
    const pretty = `{\n  "Version" : "2012-10-17",\n  "Id" : "key-default-1",\n  "Statement" : [ {\n    "Sid" : "Enable IAM User Permissions",\n    "Effect" : "Allow",\n    "Principal" : {\n      "AWS" : "arn:aws:iam::${OWNER}:root"\n    },\n    "Action" : "kms:*",\n    "Resource" : "*"\n  } ]\n}`;
    const result = validateKeyPolicy(pretty, exists);
    expect(result.ok && result.policy.id).toBe('key-default-1');
  });

  it('accepts a bare account id when the account exists', () => {
    expect(validateKeyPolicy(text({ AWS: OWNER }), exists).ok).toBe(true);
  });

  it('rejects a policy larger than 32 KB with LimitExceededException', () => {
    const big = text({ AWS: OWNER }, { Sid: 'x'.repeat(MAX_KEY_POLICY_BYTES) });
    expect(validateKeyPolicy(big, exists)).toMatchObject({
      ok: false,
      code: 'LimitExceededException',
    });
  });

  it('rejects text that is not JSON', () => {
    const result = validateKeyPolicy('{"Version": "2012-10-17", ', exists);
    expect(result).toMatchObject({ ok: false, code: 'MalformedPolicyDocumentException' });
    expect(!result.ok && result.message).toContain('not valid JSON');
  });

  it('rejects a policy without Statement', () => {
    const result = validateKeyPolicy('{"Version": "2012-10-17"}', exists);
    expect(!result.ok && result.message).toContain('Statement: Missing required field Statement.');
  });

  it('rejects principals that do not exist', () => {
    expect(validateKeyPolicy(text({ AWS: `arn:aws:iam::${OWNER}:user/ghost` }), exists)).toEqual({
      ok: false,
      code: 'MalformedPolicyDocumentException',
      message: 'Policy contains a statement with one or more invalid principals.',
    });
  });

  it('accepts "*" and service principals without asking the callback', () => {
    expect(validateKeyPolicy(text('*'), () => false).ok).toBe(true);
    expect(validateKeyPolicy(text({ Service: 'ec2.amazonaws.com' }), () => false).ok).toBe(true);
  });

  it('rejects ForAllValues on a single-valued kms:EncryptionContext key as overly permissive', () => {
    const condition = {
      Condition: { 'ForAllValues:StringEquals': { 'kms:EncryptionContext:Dept': 'HR' } },
    };
    const result = validateKeyPolicy(text({ AWS: OWNER }, condition), exists);
    expect(!result.ok && result.message).toMatch(/^OverlyPermissiveCondition:EncryptionContext/);
  });

  it('rejects characters outside Latin-1', () => {
    expect(validateKeyPolicy(text({ AWS: OWNER }, { Sid: 'key \u2603' }), exists).ok).toBe(false);
  });
});
