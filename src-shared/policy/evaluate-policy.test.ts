import { describe, expect, it } from 'vitest';
import { evaluatePolicy, evaluatePolicyDetailed } from './evaluate-policy';
import {
  KEY_ARN,
  OWNER,
  alice,
  allowAll,
  appSession,
  bob,
  carol,
  ec2Service,
  iamPolicy,
  ownerRoot,
  policy,
  request,
} from './test-helpers';

const aliceArn = alice.arn;

describe('evaluatePolicy — decisions', () => {
  it('explicit deny beats an allow', () => {
    const doc = policy({
      Statement: [
        { Sid: 'Use', ...(allowAll({ AWS: aliceArn }) as object) },
        { Sid: 'NoDecrypt', Effect: 'Deny', Principal: '*', Action: 'kms:Decrypt', Resource: '*' },
      ],
    });
    const result = evaluatePolicy(doc, request(alice, 'kms:Decrypt'), 'resource');
    expect(result.decision).toBe('explicit-deny');
    expect(result.matched).toEqual([
      { sid: 'Use', index: 0, effect: 'Allow' },
      { sid: 'NoDecrypt', index: 1, effect: 'Deny' },
    ]);
  });

  it('denies by default when no statement applies', () => {
    const doc = policy({ Statement: [allowAll({ AWS: aliceArn }, 'kms:Encrypt')] });
    expect(evaluatePolicy(doc, request(alice, 'kms:Decrypt'), 'resource')).toEqual({
      decision: 'implicit-deny',
      matched: [],
    });
  });

  it('treats a statement without Action as ineffective', () => {
    const doc = policy({ Statement: [{ Effect: 'Allow', Principal: '*', Resource: '*' }] });
    expect(evaluatePolicy(doc, request(alice, 'kms:Encrypt'), 'resource').decision).toBe(
      'implicit-deny',
    );
  });
});

describe('evaluatePolicy — actions', () => {
  const can = (actions: unknown, action: string): boolean =>
    evaluatePolicy(
      policy({ Statement: [allowAll('*', actions)] }),
      request(alice, action),
      'resource',
    ).decision === 'allow';

  it('kms:* covers every KMS action but not other services', () => {
    expect(can('kms:*', 'kms:ScheduleKeyDeletion')).toBe(true);
    expect(can('kms:*', 'ec2:CopySnapshot')).toBe(false);
  });

  it('kms:Describe* covers DescribeKey only', () => {
    expect(can('kms:Describe*', 'kms:DescribeKey')).toBe(true);
    expect(can('kms:Describe*', 'kms:Decrypt')).toBe(false);
  });

  it('kms:Re* covers ReEncryptFrom, ReEncryptTo and RevokeGrant', () => {
    expect(can('kms:Re*', 'kms:ReEncryptFrom')).toBe(true);
    expect(can('kms:Re*', 'kms:ReEncryptTo')).toBe(true);
    expect(can('kms:Re*', 'kms:RevokeGrant')).toBe(true);
    expect(can('kms:Re*', 'kms:Encrypt')).toBe(false);
  });

  it('kms:GenerateDataKey* covers the data-key variants', () => {
    expect(can('kms:GenerateDataKey*', 'kms:GenerateDataKeyPairWithoutPlaintext')).toBe(true);
    expect(can('kms:GenerateDataKey*', 'kms:GenerateMac')).toBe(false);
  });

  it('matches actions case-insensitively', () => {
    expect(can('KMS:encrypt', 'kms:Encrypt')).toBe(true);
  });

  it('matches ? as exactly one character', () => {
    expect(can('kms:?ncrypt', 'kms:Encrypt')).toBe(true);
    expect(can('kms:?ncrypt', 'kms:Decrypt')).toBe(false);
  });

  it('NotAction applies to every action except those listed', () => {
    const doc = policy({
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          NotAction: ['kms:ScheduleKeyDeletion', 'kms:Put*'],
          Resource: '*',
        },
      ],
    });
    expect(evaluatePolicy(doc, request(alice, 'kms:Encrypt'), 'resource').decision).toBe('allow');
    expect(evaluatePolicy(doc, request(alice, 'kms:PutKeyPolicy'), 'resource').decision).toBe(
      'implicit-deny',
    );
    expect(
      evaluatePolicy(doc, request(alice, 'kms:ScheduleKeyDeletion'), 'resource').decision,
    ).toBe('implicit-deny');
  });
});

describe('evaluatePolicy — resources', () => {
  it('IAM policy key ARNs match per segment with wildcards', () => {
    const doc = iamPolicy('kms:Encrypt', `arn:aws:kms:*:${OWNER}:key/*`);
    expect(evaluatePolicy(doc, request(alice, 'kms:Encrypt'), 'identity').decision).toBe('allow');
    const otherAccountKey = 'arn:aws:kms:us-east-1:999999999999:key/abc';
    expect(
      evaluatePolicy(doc, request(alice, 'kms:Encrypt', {}, otherAccountKey), 'identity').decision,
    ).toBe('implicit-deny');
  });

  it('an alias ARN in Resource does not match the key', () => {
    const doc = iamPolicy('kms:*', `arn:aws:kms:us-east-1:${OWNER}:alias/*`);
    expect(evaluatePolicy(doc, request(alice, 'kms:Encrypt'), 'identity').decision).toBe(
      'implicit-deny',
    );
  });

  it('NotResource applies to every resource except those listed', () => {
    const doc = policy(
      {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', Action: 'kms:*', NotResource: KEY_ARN }],
      },
      'identity',
    );
    expect(evaluatePolicy(doc, request(alice, 'kms:Encrypt'), 'identity').decision).toBe(
      'implicit-deny',
    );
    const other = `arn:aws:kms:us-east-1:${OWNER}:key/other`;
    expect(evaluatePolicy(doc, request(alice, 'kms:Encrypt', {}, other), 'identity').decision).toBe(
      'explicit-deny',
    );
  });

  it('substitutes ${aws:username} in Resource (Version 2012-10-17 only)', () => {
    const resource = `arn:aws:kms:us-east-1:${OWNER}:alias/\${aws:username}-*`;
    const aliasArn = `arn:aws:kms:us-east-1:${OWNER}:alias/alice-data`;
    const doc = iamPolicy('kms:CreateAlias', resource);
    expect(
      evaluatePolicy(doc, request(alice, 'kms:CreateAlias', {}, aliasArn), 'identity').decision,
    ).toBe('allow');
    expect(
      evaluatePolicy(doc, request(bob, 'kms:CreateAlias', {}, aliasArn), 'identity').decision,
    ).toBe('implicit-deny');
    const old = policy(
      { Version: '2008-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: resource }] },
      'identity',
    );
    expect(
      evaluatePolicy(old, request(alice, 'kms:CreateAlias', {}, aliasArn), 'identity').decision,
    ).toBe('implicit-deny');
  });

  it('a variable whose key is absent makes the Resource match nothing', () => {
    const doc = iamPolicy('kms:*', `arn:aws:kms:us-east-1:${OWNER}:key/\${aws:username}`);
    expect(evaluatePolicy(doc, request(appSession, 'kms:Encrypt'), 'identity').decision).toBe(
      'implicit-deny',
    );
  });
});

describe('evaluatePolicy — principals', () => {
  const decide = (principal: unknown, who = alice): string =>
    evaluatePolicy(
      policy({ Statement: [allowAll(principal)] }),
      request(who, 'kms:Encrypt'),
      'resource',
    ).decision;

  it('"*" and {"AWS": "*"} match everyone', () => {
    expect(decide('*')).toBe('allow');
    expect(decide({ AWS: '*' }, carol)).toBe('allow');
  });

  it('a user ARN matches that user only', () => {
    expect(decide({ AWS: aliceArn })).toBe('allow');
    expect(decide({ AWS: aliceArn }, bob)).toBe('implicit-deny');
  });

  it('a role ARN matches its assumed-role sessions; a session ARN only that session', () => {
    expect(decide({ AWS: appSession.roleArn }, appSession)).toBe('allow');
    expect(decide({ AWS: appSession.arn }, appSession)).toBe('allow');
    expect(decide({ AWS: `arn:aws:sts::${OWNER}:assumed-role/App/other` }, appSession)).toBe(
      'implicit-deny',
    );
  });

  it('a bare account id and the root ARN match principals of that account, marked as delegation', () => {
    expect(decide({ AWS: OWNER })).toBe('allow');
    const doc = policy({ Statement: [allowAll({ AWS: `arn:aws:iam::${OWNER}:root` })] });
    expect(
      evaluatePolicyDetailed(doc, request(alice, 'kms:Encrypt'), 'resource').matched[0]?.via,
    ).toBe('account');
    expect(
      evaluatePolicyDetailed(doc, request(ownerRoot, 'kms:Encrypt'), 'resource').matched[0]?.via,
    ).toBe('principal');
    expect(decide({ AWS: OWNER }, carol)).toBe('implicit-deny');
  });

  it('{"Service": "ec2.amazonaws.com"} matches that service principal only', () => {
    expect(decide({ Service: 'ec2.amazonaws.com' }, ec2Service)).toBe('allow');
    expect(decide({ Service: 'ec2.amazonaws.com' }, alice)).toBe('implicit-deny');
  });

  it('NotPrincipal with Deny denies everyone except the listed user (listed with its account)', () => {
    const doc = policy({
      Statement: [
        allowAll('*'),
        {
          Effect: 'Deny',
          NotPrincipal: { AWS: [aliceArn, `arn:aws:iam::${OWNER}:root`] },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    });
    expect(evaluatePolicy(doc, request(alice, 'kms:Decrypt'), 'resource').decision).toBe('allow');
    expect(evaluatePolicy(doc, request(bob, 'kms:Decrypt'), 'resource').decision).toBe(
      'explicit-deny',
    );
  });

  it('NotPrincipal naming only the role does not exempt its session (session ARN must be listed too)', () => {
    const deny = (listed: readonly string[]) =>
      policy({
        Statement: [
          allowAll('*'),
          { Effect: 'Deny', NotPrincipal: { AWS: listed }, Action: 'kms:*', Resource: '*' },
        ],
      });
    const roleOnly = deny([appSession.roleArn ?? '', `arn:aws:iam::${OWNER}:root`]);
    expect(evaluatePolicy(roleOnly, request(appSession, 'kms:Decrypt'), 'resource').decision).toBe(
      'explicit-deny',
    );
    const all = deny([appSession.roleArn ?? '', appSession.arn, `arn:aws:iam::${OWNER}:root`]);
    expect(evaluatePolicy(all, request(appSession, 'kms:Decrypt'), 'resource').decision).toBe(
      'allow',
    );
  });

  it('identity policies ignore principals: they apply to whoever holds them', () => {
    expect(
      evaluatePolicy(iamPolicy('kms:Encrypt'), request(carol, 'kms:Encrypt'), 'identity').decision,
    ).toBe('allow');
  });
});
