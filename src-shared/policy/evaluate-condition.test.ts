import { describe, expect, it } from 'vitest';
import type { ContextValue, Principal } from './types';
import { evaluatePolicy } from './evaluate-policy';
import { OWNER, alice, appSession, policy, request } from './test-helpers';

/** Does a key-policy statement with this Condition allow the request? */
function allows(
  condition: unknown,
  context: Readonly<Record<string, ContextValue | undefined>>,
  principal: Principal = alice,
  action = 'kms:Decrypt',
): boolean {
  const doc = policy({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*', Condition: condition },
    ],
  });
  return evaluatePolicy(doc, request(principal, action, context), 'resource').decision === 'allow';
}

describe('string operators', () => {
  it('StringEquals is exact and case-sensitive; context key names are case-insensitive', () => {
    const condition = { StringEquals: { 'kms:EncryptionContext:Dept': 'Finance' } };
    expect(allows(condition, { 'kms:EncryptionContext:Dept': 'Finance' })).toBe(true);
    expect(allows(condition, { 'KMS:encryptioncontext:dept': 'Finance' })).toBe(true);
    expect(allows(condition, { 'kms:EncryptionContext:Dept': 'finance' })).toBe(false);
  });

  it('multiple values for one key are ORed', () => {
    const condition = { StringEquals: { 'kms:EncryptionContext:Dept': ['HR', 'Finance'] } };
    expect(allows(condition, { 'kms:EncryptionContext:Dept': 'Finance' })).toBe(true);
  });

  it('multiple keys and multiple operators are ANDed', () => {
    const condition = {
      StringEquals: { 'kms:EncryptionContext:Dept': 'HR', 'kms:EncryptionContext:Env': 'prod' },
      Bool: { 'aws:SecureTransport': 'true' },
    };
    const context = { 'kms:EncryptionContext:Dept': 'HR', 'kms:EncryptionContext:Env': 'prod' };
    expect(allows(condition, context)).toBe(false);
    expect(allows(condition, { ...context, 'aws:SecureTransport': true })).toBe(true);
    expect(
      allows(condition, {
        ...context,
        'kms:EncryptionContext:Env': 'dev',
        'aws:SecureTransport': true,
      }),
    ).toBe(false);
  });

  it('StringNotEquals NORs its values', () => {
    const condition = { StringNotEquals: { 'kms:EncryptionContext:Dept': ['HR', 'Finance'] } };
    expect(allows(condition, { 'kms:EncryptionContext:Dept': 'Ops' })).toBe(true);
    expect(allows(condition, { 'kms:EncryptionContext:Dept': 'HR' })).toBe(false);
  });

  it('StringEqualsIgnoreCase and StringNotEqualsIgnoreCase ignore case', () => {
    expect(
      allows(
        { StringEqualsIgnoreCase: { 'kms:EncryptionContext:Dept': 'FINANCE' } },
        { 'kms:EncryptionContext:Dept': 'finance' },
      ),
    ).toBe(true);
    expect(
      allows(
        { StringNotEqualsIgnoreCase: { 'kms:EncryptionContext:Dept': 'FINANCE' } },
        { 'kms:EncryptionContext:Dept': 'finance' },
      ),
    ).toBe(false);
  });

  it('StringLike on kms:EncryptionContext:aws:ebs:id matches EBS volume ids', () => {
    const condition = { StringLike: { 'kms:EncryptionContext:aws:ebs:id': 'vol-*' } };
    expect(allows(condition, { 'kms:EncryptionContext:aws:ebs:id': 'vol-0abc123' })).toBe(true);
    expect(allows(condition, { 'kms:EncryptionContext:aws:ebs:id': 'snap-0abc123' })).toBe(false);
    expect(allows(condition, {})).toBe(false);
  });

  it('StringNotLike rejects matching values', () => {
    const condition = { StringNotLike: { 'kms:EncryptionContext:aws:ebs:id': 'snap-*' } };
    expect(allows(condition, { 'kms:EncryptionContext:aws:ebs:id': 'snap-1' })).toBe(false);
    expect(allows(condition, { 'kms:EncryptionContext:aws:ebs:id': 'vol-1' })).toBe(true);
  });

  it('a missing key makes positive operators false and negated operators true', () => {
    expect(allows({ StringEquals: { 'kms:ViaService': 'ec2.us-east-1.amazonaws.com' } }, {})).toBe(
      false,
    );
    expect(
      allows({ StringNotEquals: { 'kms:ViaService': 'ec2.us-east-1.amazonaws.com' } }, {}),
    ).toBe(true);
  });

  it('policy variables resolve in condition values', () => {
    const condition = { StringEquals: { 'kms:EncryptionContext:Owner': '${aws:username}' } };
    expect(allows(condition, { 'kms:EncryptionContext:Owner': 'alice' })).toBe(true);
    expect(allows(condition, { 'kms:EncryptionContext:Owner': 'bob' })).toBe(false);
    const account = { StringEquals: { 'kms:EncryptionContext:Acct': '${aws:PrincipalAccount}' } };
    expect(allows(account, { 'kms:EncryptionContext:Acct': OWNER }, appSession)).toBe(true);
  });
});

describe('derived principal keys', () => {
  it('kms:CallerAccount and aws:PrincipalAccount come from the principal unless the context sets them', () => {
    const condition = { StringEquals: { 'kms:CallerAccount': OWNER } };
    expect(allows(condition, {})).toBe(true);
    expect(allows(condition, { 'kms:CallerAccount': '999999999999' })).toBe(false);
    expect(allows(condition, { 'kms:CallerAccount': undefined })).toBe(false);
  });
});

describe('IfExists, Null and set qualifiers', () => {
  it('…IfExists is true when the key is missing and checked when present', () => {
    const condition = { StringEqualsIfExists: { 'kms:ViaService': 'ec2.us-east-1.amazonaws.com' } };
    expect(allows(condition, {})).toBe(true);
    expect(allows(condition, { 'kms:ViaService': 'ec2.us-east-1.amazonaws.com' })).toBe(true);
    expect(allows(condition, { 'kms:ViaService': 's3.us-east-1.amazonaws.com' })).toBe(false);
  });

  it('Null true requires the key to be absent, false requires it present', () => {
    expect(allows({ Null: { 'kms:EncryptionContextKeys': 'true' } }, {})).toBe(true);
    expect(
      allows(
        { Null: { 'kms:EncryptionContextKeys': 'true' } },
        { 'kms:EncryptionContextKeys': ['a'] },
      ),
    ).toBe(false);
    expect(
      allows(
        { Null: { 'kms:EncryptionContextKeys': false } },
        { 'kms:EncryptionContextKeys': ['a'] },
      ),
    ).toBe(true);
    expect(allows({ Null: { 'kms:EncryptionContextKeys': false } }, {})).toBe(false);
  });

  it('ForAnyValue:StringEquals needs one request value in the set', () => {
    const condition = {
      'ForAnyValue:StringEquals': { 'kms:EncryptionContextKeys': ['Dept', 'Project'] },
    };
    expect(allows(condition, { 'kms:EncryptionContextKeys': ['Other', 'Dept'] })).toBe(true);
    expect(allows(condition, { 'kms:EncryptionContextKeys': ['Other'] })).toBe(false);
    expect(allows(condition, {})).toBe(false);
  });

  it('ForAllValues:StringEquals needs every request value in the set, and is true on a missing key', () => {
    const condition = {
      'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['Dept', 'Project'] },
    };
    expect(allows(condition, { 'kms:EncryptionContextKeys': ['Dept', 'Project'] })).toBe(true);
    expect(allows(condition, { 'kms:EncryptionContextKeys': ['Dept', 'Other'] })).toBe(false);
    expect(allows(condition, {})).toBe(true);
    expect(allows(condition, { 'kms:EncryptionContextKeys': [] })).toBe(true);
  });

  it('ForAnyValue:StringLike works with wildcards over kms:GrantOperations', () => {
    const condition = { 'ForAnyValue:StringLike': { 'kms:GrantOperations': 'Re*' } };
    expect(
      allows(
        condition,
        { 'kms:GrantOperations': ['Decrypt', 'RetireGrant'] },
        alice,
        'kms:CreateGrant',
      ),
    ).toBe(true);
    expect(
      allows(condition, { 'kms:GrantOperations': ['Decrypt'] }, alice, 'kms:CreateGrant'),
    ).toBe(false);
  });
});

describe('numeric, date, bool, ARN and IP operators', () => {
  it('NumericLessThan compares numbers, not strings', () => {
    const condition = { NumericLessThan: { 'kms:ScheduleKeyDeletionPendingWindowInDays': 10 } };
    expect(
      allows(
        condition,
        { 'kms:ScheduleKeyDeletionPendingWindowInDays': 7 },
        alice,
        'kms:ScheduleKeyDeletion',
      ),
    ).toBe(true);
    expect(
      allows(
        condition,
        { 'kms:ScheduleKeyDeletionPendingWindowInDays': '30' },
        alice,
        'kms:ScheduleKeyDeletion',
      ),
    ).toBe(false);
    expect(
      allows(
        condition,
        { 'kms:ScheduleKeyDeletionPendingWindowInDays': 'seven' },
        alice,
        'kms:ScheduleKeyDeletion',
      ),
    ).toBe(false);
  });

  it('the other numeric operators', () => {
    const ctx = { 'kms:RotationPeriodInDays': 365 };
    expect(allows({ NumericEquals: { 'kms:RotationPeriodInDays': '365' } }, ctx)).toBe(true);
    expect(allows({ NumericNotEquals: { 'kms:RotationPeriodInDays': '365' } }, ctx)).toBe(false);
    expect(allows({ NumericLessThanEquals: { 'kms:RotationPeriodInDays': '365' } }, ctx)).toBe(
      true,
    );
    expect(allows({ NumericGreaterThan: { 'kms:RotationPeriodInDays': '90' } }, ctx)).toBe(true);
    expect(allows({ NumericGreaterThanEquals: { 'kms:RotationPeriodInDays': '366' } }, ctx)).toBe(
      false,
    );
  });

  it('DateLessThan with aws:CurrentTime (ISO-8601 or epoch seconds)', () => {
    const condition = { DateLessThan: { 'aws:CurrentTime': '2025-01-01T00:00:00Z' } };
    expect(allows(condition, { 'aws:CurrentTime': '2024-06-30T12:00:00Z' })).toBe(true);
    expect(allows(condition, { 'aws:CurrentTime': '2025-06-30T12:00:00Z' })).toBe(false);
    expect(
      allows(
        { DateLessThan: { 'aws:CurrentTime': 1735689600 } },
        { 'aws:CurrentTime': '2024-06-30T12:00:00Z' },
      ),
    ).toBe(true);
  });

  it('the other date operators', () => {
    const ctx = { 'aws:CurrentTime': '2024-06-30T12:00:00Z' };
    expect(allows({ DateEquals: { 'aws:CurrentTime': '2024-06-30T12:00:00.000Z' } }, ctx)).toBe(
      true,
    );
    expect(allows({ DateNotEquals: { 'aws:CurrentTime': '2024-06-30T12:00:00Z' } }, ctx)).toBe(
      false,
    );
    expect(allows({ DateGreaterThan: { 'aws:CurrentTime': '2024-01-01T00:00:00Z' } }, ctx)).toBe(
      true,
    );
    expect(
      allows({ DateGreaterThanEquals: { 'aws:CurrentTime': '2024-07-01T00:00:00Z' } }, ctx),
    ).toBe(false);
    expect(allows({ DateLessThanEquals: { 'aws:CurrentTime': '2024-06-30T12:00:00Z' } }, ctx)).toBe(
      true,
    );
  });

  it('Bool on kms:GrantIsForAWSResource accepts JSON booleans and strings', () => {
    const condition = { Bool: { 'kms:GrantIsForAWSResource': true } };
    expect(allows(condition, { 'kms:GrantIsForAWSResource': true }, alice, 'kms:CreateGrant')).toBe(
      true,
    );
    expect(
      allows(condition, { 'kms:GrantIsForAWSResource': 'TRUE' }, alice, 'kms:CreateGrant'),
    ).toBe(true);
    expect(
      allows(condition, { 'kms:GrantIsForAWSResource': false }, alice, 'kms:CreateGrant'),
    ).toBe(false);
    expect(allows(condition, {}, alice, 'kms:CreateGrant')).toBe(false);
  });

  it('ArnLike / ArnEquals compare per segment; aws:PrincipalArn is the role ARN for sessions', () => {
    const like = { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${OWNER}:role/Ap?` } };
    expect(allows(like, {}, appSession)).toBe(true);
    expect(allows(like, {}, alice)).toBe(false);
    expect(
      allows({ ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::*:role/App` } }, {}, appSession),
    ).toBe(true);
    expect(
      allows(
        { ArnNotEquals: { 'aws:PrincipalArn': `arn:aws:iam::${OWNER}:role/App` } },
        {},
        appSession,
      ),
    ).toBe(false);
    expect(
      allows(
        { ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::${OWNER}:user/*` } },
        {},
        appSession,
      ),
    ).toBe(true);
  });

  it('IpAddress and NotIpAddress match IPv4 CIDR blocks', () => {
    const condition = { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.0.2.7'] } };
    expect(allows(condition, { 'aws:SourceIp': '10.20.30.40' })).toBe(true);
    expect(allows(condition, { 'aws:SourceIp': '192.0.2.7' })).toBe(true);
    expect(allows(condition, { 'aws:SourceIp': '172.16.0.1' })).toBe(false);
    expect(
      allows({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': '172.16.0.1' }),
    ).toBe(true);
    expect(
      allows({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': '10.1.1.1' }),
    ).toBe(false);
  });
});
