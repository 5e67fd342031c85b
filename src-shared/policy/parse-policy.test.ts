import { describe, expect, it } from 'vitest';
import { parsePolicy } from './parse-policy';

function errorsOf(input: unknown, kind: 'identity' | 'resource' | 'trust' = 'resource') {
  const result = parsePolicy(input, kind);
  return result.ok ? [] : result.errors;
}

describe('parsePolicy', () => {
  it('normalises single values to arrays and keeps Version and Id', () => {
    const result = parsePolicy(
      JSON.stringify({
        Version: '2012-10-17',
        Id: 'key-default-1',
        Statement: {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111111111111:root' },
          Action: 'kms:*',
          Resource: '*',
        },
      }),
      'resource',
    );
    expect(result).toEqual({
      ok: true,
      policy: {
        version: '2012-10-17',
        id: 'key-default-1',
        statements: [
          {
            sid: 'Enable IAM User Permissions',
            effect: 'Allow',
            principal: { aws: ['arn:aws:iam::111111111111:root'] },
            action: ['kms:*'],
            resource: ['*'],
          },
        ],
      },
    });
  });

  it('normalises condition values (booleans, numbers) to string arrays', () => {
    const result = parsePolicy(
      {
        Statement: [
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 'kms:CreateGrant',
            Resource: '*',
            Condition: {
              Bool: { 'kms:GrantIsForAWSResource': true },
              NumericLessThan: { n: [5, '6'] },
            },
          },
        ],
      },
      'resource',
    );
    expect(result.ok && result.policy.statements[0]?.condition).toEqual({
      Bool: { 'kms:GrantIsForAWSResource': ['true'] },
      NumericLessThan: { n: ['5', '6'] },
    });
  });

  it('keeps a condition key named __proto__ as a key (a condition no request meets)', () => {
    const result = parsePolicy(
      '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*",' +
        '"Condition":{"StringEquals":{"__proto__":"x"}}}]}',
      'resource',
    );
    const condition = result.ok ? result.policy.statements[0]?.condition : undefined;
    expect(Object.entries(condition?.['StringEquals'] ?? {})).toEqual([['__proto__', ['x']]]);
  });

  it('reports text that is not JSON', () => {
    expect(errorsOf('{"Statement": [')).toEqual([
      { path: '', message: expect.stringContaining('not valid JSON') },
    ]);
  });

  it('reports a missing Statement', () => {
    expect(errorsOf({ Version: '2012-10-17' })).toEqual([
      { path: 'Statement', message: 'Missing required field Statement.' },
    ]);
  });

  it('reports problems with the statement index in the path', () => {
    const errors = errorsOf({
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 'kms:Encrypt', Resource: '*' },
        { Effect: 'Allow', Action: 'kms:Encrypt', Resource: '*' },
      ],
    });
    expect(errors).toEqual([
      { path: 'Statement[1].Principal', message: 'Missing required field Principal.' },
    ]);
  });

  it('rejects a bad Effect, an unknown field and an invalid Version', () => {
    const paths = errorsOf({
      Version: '2020-01-01',
      Statement: [
        { Effect: 'allow', Principal: '*', Action: 'kms:Encrypt', Resource: '*', Actions: 'x' },
      ],
    }).map((e) => e.path);
    expect(paths).toEqual(['Version', 'Statement[0].Actions', 'Statement[0].Effect']);
  });

  it('forbids a Principal in identity policies and requires Resource there', () => {
    const errors = errorsOf(
      { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:Encrypt' }] },
      'identity',
    );
    expect(errors.map((e) => e.message)).toEqual([
      'Has prohibited field Principal.',
      'Missing required field Resource.',
    ]);
  });

  it('forbids Resource in trust policies', () => {
    const errors = errorsOf(
      {
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: '111111111111' },
            Action: 'sts:AssumeRole',
            Resource: '*',
          },
        ],
      },
      'trust',
    );
    expect(errors).toEqual([
      { path: 'Statement[0].Resource', message: 'Has prohibited field Resource.' },
    ]);
  });

  it('accepts a key-policy statement without Action or Resource (it is simply ineffective)', () => {
    expect(parsePolicy({ Statement: [{ Effect: 'Allow', Principal: '*' }] }, 'resource').ok).toBe(
      true,
    );
  });

  it('rejects both Action and NotAction in one statement', () => {
    const errors = errorsOf({
      Statement: [
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 'kms:*',
          NotAction: 'kms:Describe*',
          Resource: '*',
        },
      ],
    });
    expect(errors).toEqual([
      {
        path: 'Statement[0].NotAction',
        message: 'Statement cannot contain both Action and NotAction.',
      },
    ]);
  });

  it('rejects malformed actions and wildcard principal ARNs', () => {
    const errors = errorsOf({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: ['arn:aws:iam::111111111111:role/*'] },
          Action: 'Encrypt',
          Resource: '*',
        },
      ],
    });
    expect(errors.map((e) => e.path)).toEqual([
      'Statement[0].Principal.AWS[0]',
      'Statement[0].Action',
    ]);
    expect(errors[0]?.message).toBe(
      'Invalid principal in policy: "AWS":"arn:aws:iam::111111111111:role/*"',
    );
  });

  it('rejects unknown condition operators and duplicate Sids', () => {
    const errors = errorsOf({
      Statement: [
        {
          Sid: 'A',
          Effect: 'Allow',
          Principal: '*',
          Action: 'kms:Encrypt',
          Resource: '*',
          Condition: { StringSort: { k: 'v' } },
        },
        { Sid: 'A', Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' },
      ],
    });
    expect(errors.map((e) => e.path)).toEqual([
      'Statement[0].Condition.StringSort',
      'Statement[1].Sid',
    ]);
  });

  it('accepts every documented operator form: qualifiers, IfExists, Null', () => {
    const result = parsePolicy(
      {
        Statement: {
          Effect: 'Allow',
          Principal: '*',
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: {
            'ForAnyValue:StringLike': { 'kms:EncryptionContextKeys': 'app*' },
            StringEqualsIfExists: { 'kms:ViaService': 'ec2.us-east-1.amazonaws.com' },
            Null: { 'kms:EncryptionContext:Dept': 'false' },
          },
        },
      },
      'resource',
    );
    expect(result.ok).toBe(true);
  });
});
