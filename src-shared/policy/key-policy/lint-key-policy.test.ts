import { describe, expect, it } from 'vitest';
import { iamPolicy, KEY_ARN, OTHER, OWNER } from '../test-helpers';
import { buildDefaultKeyPolicy } from './build-default-key-policy';
import { lintKeyPolicy } from './lint-key-policy';
import type { KeyPolicyDiagnostic, KeyPolicyLintContext } from './lint-types';
import {
  adminStatement,
  APP_ROLE,
  consoleDefaultPolicy,
  handEditedPolicy,
  rootStatement,
  usersStatement,
} from './test-fixtures';

const ALICE = `arn:aws:iam::${OWNER}:user/alice`;
const CONTEXT: KeyPolicyLintContext = { accountId: OWNER, keyArn: KEY_ARN, callerArn: ALICE };

function text(document: unknown): string {
  return JSON.stringify(document, null, 2);
}

function lint(document: unknown, context: KeyPolicyLintContext = CONTEXT): KeyPolicyDiagnostic[] {
  return lintKeyPolicy(typeof document === 'string' ? document : text(document), context);
}

function rules(document: unknown, context?: KeyPolicyLintContext): string[] {
  return lint(document, context).map((diagnostic) => diagnostic.rule);
}

function only(
  document: unknown,
  rule: string,
  context?: KeyPolicyLintContext,
): KeyPolicyDiagnostic {
  const found = lint(document, context).filter((diagnostic) => diagnostic.rule === rule);
  expect(found).toHaveLength(1);
  return found[0] as KeyPolicyDiagnostic;
}

function underlined(document: unknown, rule: string): string {
  const source = text(document);
  const { from, to } = only(document, rule);
  return source.slice(from, to);
}

function withStatements(...extra: unknown[]): unknown {
  return { ...consoleDefaultPolicy, Statement: [...consoleDefaultPolicy.Statement, ...extra] };
}

describe('lintKeyPolicy', () => {
  it('finds nothing in the console default policy or a sound hand-edited one', () => {
    expect(lint(consoleDefaultPolicy)).toEqual([]);
    expect(lint(handEditedPolicy)).toEqual([]);
  });

  it.each([
    ['SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT'],
    ['RSA_2048', 'ENCRYPT_DECRYPT'],
    ['ECC_NIST_P256', 'SIGN_VERIFY'],
    ['HMAC_384', 'GENERATE_VERIFY_MAC'],
    ['ECC_NIST_P521', 'KEY_AGREEMENT'],
  ] as const)('finds nothing in the wizard\u2019s policy for a %s %s key', (keySpec, keyUsage) => {
    const generated = buildDefaultKeyPolicy({
      accountId: OWNER,
      administrators: [ALICE],
      administratorsMayDelete: false,
      users: [APP_ROLE],
      otherAccounts: [OTHER],
      allowAttachment: true,
      keySpec,
      keyUsage,
      origin: 'EXTERNAL',
      multiRegion: true,
    });
    expect(lint(generated)).toEqual([]);
  });

  it('json-syntax: points at where the JSON breaks', () => {
    const source = '{"Statement": [ {"Effect": "Allow",, } ]}';
    const diagnostic = only(source, 'json-syntax');
    expect(diagnostic).toMatchObject({ severity: 'error', from: source.indexOf(',,') + 1 });
  });

  it('policy-grammar: reports schema errors at their element', () => {
    const document = withStatements({
      Effect: 'Allow',
      Principal: { AWS: APP_ROLE },
      Action: 'kms:Decrypt',
      Resorce: '*',
    });
    const diagnostic = only(document, 'policy-grammar');
    expect(diagnostic).toMatchObject({
      pointer: '/Statement/4/Resorce',
      statementIndex: 4,
      severity: 'error',
    });
    expect(underlined(document, 'policy-grammar')).toBe('"*"');
  });

  it('policy-grammar: finds condition keys that contain dots', () => {
    const document = withStatements({
      Effect: 'Allow',
      Principal: { AWS: APP_ROLE },
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: { StringEquals: { 'kms:EncryptionContext:a.b': { nested: 1 } } },
    });
    expect(only(document, 'policy-grammar').pointer).toBe(
      '/Statement/4/Condition/StringEquals/kms:EncryptionContext:a.b',
    );
  });

  it('size-limit: over 32768 bytes of UTF-8 is an error, exactly 32768 is not', () => {
    const base = text(consoleDefaultPolicy);
    const pad = (bytes: number): string =>
      base.replace('"key-consolepolicy-3"', `"${'é'.repeat(bytes / 2)}"`);
    const room =
      32_768 - new TextEncoder().encode(base).length + '"key-consolepolicy-3"'.length - 2;
    const fits = pad(room - (room % 2));
    expect(new TextEncoder().encode(fits).length).toBeLessThanOrEqual(32_768);
    expect(rules(fits)).not.toContain('size-limit');
    const tooBig = pad(room - (room % 2) + 2);
    expect(new TextEncoder().encode(tooBig).length).toBeGreaterThan(32_768);
    expect(only(tooBig, 'size-limit')).toMatchObject({ severity: 'error', to: tooBig.length });
  });

  it('wildcard-principal: "*" or {"AWS": "*"} without a condition', () => {
    for (const principal of ['*', { AWS: '*' }, { AWS: [APP_ROLE, '*'] }]) {
      const document = withStatements({
        Effect: 'Allow',
        Principal: principal,
        Action: 'kms:Decrypt',
        Resource: '*',
      });
      expect(only(document, 'wildcard-principal')).toMatchObject({
        severity: 'error',
        statementIndex: 4,
      });
    }
  });

  it('wildcard-principal: NotPrincipal in an Allow lets everyone else in', () => {
    const document = withStatements({
      Effect: 'Allow',
      NotPrincipal: { AWS: APP_ROLE },
      Action: 'kms:Decrypt',
      Resource: '*',
    });
    expect(only(document, 'wildcard-principal').pointer).toBe('/Statement/4/NotPrincipal');
  });

  it('wildcard-principal: not with a condition, and not in a Deny', () => {
    const conditioned = withStatements({
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: { StringEquals: { 'kms:CallerAccount': OWNER } },
    });
    const deny = withStatements({
      Effect: 'Deny',
      Principal: '*',
      Action: 'kms:Decrypt',
      Resource: '*',
    });
    expect(rules(conditioned)).not.toContain('wildcard-principal');
    expect(rules(deny)).not.toContain('wildcard-principal');
  });

  it('lockout: the caller could no longer call PutKeyPolicy', () => {
    const document = { Statement: [usersStatement] };
    expect(only(document, 'lockout')).toMatchObject({ severity: 'error', pointer: '/Statement' });
  });

  it('lockout: not when the caller is an administrator, or the root statement and IAM allow it', () => {
    const admin = { Statement: [{ ...adminStatement, Principal: { AWS: ALICE } }] };
    expect(rules(admin)).not.toContain('lockout');
    const iamAllows = { ...CONTEXT, callerIdentityPolicies: [iamPolicy('kms:*')] };
    expect(rules(consoleDefaultPolicy, iamAllows)).not.toContain('lockout');
  });

  it('lockout: the root statement does not help when the caller\u2019s IAM policy does not allow it', () => {
    const iamDenies = { ...CONTEXT, callerIdentityPolicies: [iamPolicy('kms:Decrypt')] };
    expect(rules(consoleDefaultPolicy, iamDenies)).toContain('lockout');
  });

  it('account-not-in-control: no statement lets the account manage the key', () => {
    const document = {
      Statement: [{ ...adminStatement, Principal: { AWS: ALICE } }, usersStatement],
    };
    expect(only(document, 'account-not-in-control').severity).toBe('warning');
    expect(rules(consoleDefaultPolicy)).not.toContain('account-not-in-control');
  });

  it('full-access-for-users: kms:* for a principal other than the account root', () => {
    const document = withStatements({
      Effect: 'Allow',
      Principal: { AWS: APP_ROLE },
      Action: ['kms:Decrypt', 'kms:*'],
      Resource: '*',
    });
    expect(only(document, 'full-access-for-users')).toMatchObject({
      pointer: '/Statement/4/Action/1',
    });
    expect(underlined(document, 'full-access-for-users')).toBe('"kms:*"');
    const otherRoot = withStatements({ ...rootStatement, Sid: 'x', Principal: { AWS: OTHER } });
    expect(rules(otherRoot)).toContain('full-access-for-users');
  });

  it('full-access-for-users: not for the account root statement or narrower wildcards', () => {
    const narrow = withStatements({
      Effect: 'Allow',
      Principal: { AWS: APP_ROLE },
      Action: 'kms:Generate*',
      Resource: '*',
    });
    expect(rules(narrow)).not.toContain('full-access-for-users');
  });

  it('unknown-action and non-kms-action', () => {
    const document = withStatements({
      Effect: 'Allow',
      Principal: { AWS: APP_ROLE },
      Action: ['kms:Decrpyt', 's3:GetObject', 'kms:GenerateDataKey*'],
      Resource: '*',
    });
    expect(only(document, 'unknown-action')).toMatchObject({
      pointer: '/Statement/4/Action/0',
      severity: 'warning',
    });
    expect(only(document, 'non-kms-action').pointer).toBe('/Statement/4/Action/1');
    expect(underlined(document, 'unknown-action')).toBe('"kms:Decrpyt"');
    expect(only(document, 'unknown-action').message).toContain('Did you mean kms:Decrypt?');
  });

  it('unknown-condition-key: underlines the key; known kms: and aws: keys pass', () => {
    const document = withStatements({
      Effect: 'Allow',
      Principal: { AWS: APP_ROLE },
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: {
        StringEquals: {
          'kms:EncryptionContext:Dept': 'x',
          'kms:viaservice': 'ec2.us-east-1.amazonaws.com',
          'aws:ResourceTag/Team': 'a',
          'kms:CallerAcount': OWNER,
        },
      },
    });
    expect(only(document, 'unknown-condition-key').pointer).toBe(
      '/Statement/4/Condition/StringEquals/kms:CallerAcount',
    );
    expect(underlined(document, 'unknown-condition-key')).toBe('"kms:CallerAcount"');
    expect(only(document, 'unknown-condition-key').message).toContain(
      'Did you mean kms:CallerAccount?',
    );
  });

  it('kms-validation: characters KMS does not accept, and principals that do not exist', () => {
    const document = withStatements({ ...rootStatement, Sid: 'Zugriff für alle \u2713' });
    expect(only(document, 'kms-validation').severity).toBe('error');
    const missing = { ...CONTEXT, principalExists: (arn: string) => arn !== APP_ROLE };
    expect(rules(consoleDefaultPolicy, missing)).toEqual(['kms-validation']);
  });

  it('handles a Statement written as a single object', () => {
    const document = { Statement: { ...rootStatement, Action: 'kms:Decrpyt' } };
    expect(only(document, 'unknown-action').pointer).toBe('/Statement/Action');
  });
});
