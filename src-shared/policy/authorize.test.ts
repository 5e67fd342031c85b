import { describe, expect, it } from 'vitest';
import type { AuthorizationInput, PolicyDocument, Principal, RequestContext } from './types';
import { authorize } from './authorize';
import {
  KEY_ARN,
  OTHER,
  OWNER,
  alice,
  allowAll,
  appSession,
  bob,
  carol,
  defaultKeyPolicy,
  iamPolicy,
  otherRoot,
  ownerRoot,
  policy,
  request,
} from './test-helpers';

function kms(
  req: RequestContext,
  keyPolicy: PolicyDocument | undefined,
  identityPolicies: readonly PolicyDocument[] = [],
  extra: Partial<AuthorizationInput> = {},
) {
  return authorize({
    request: req,
    resourceAccount: OWNER,
    identityPolicies,
    ...(keyPolicy === undefined ? {} : { resourcePolicy: keyPolicy }),
    resourcePolicyIsGatekeeper: true,
    ...extra,
  });
}

describe('authorize — KMS key policy as gatekeeper (same account)', () => {
  it('the default key policy lets in an IAM user whose inline policy allows kms:Encrypt', () => {
    const result = kms(request(alice, 'kms:Encrypt'), defaultKeyPolicy(), [
      iamPolicy('kms:Encrypt'),
    ]);
    expect(result).toMatchObject({ allowed: true, decision: 'allow', via: 'identity-policy' });
  });

  it('the default key policy denies a user without an IAM allow', () => {
    const result = kms(request(bob, 'kms:Encrypt'), defaultKeyPolicy());
    expect(result).toMatchObject({ allowed: false, decision: 'implicit-deny', via: 'none' });
    expect(result.reason).toContain('delegates to IAM');
  });

  it('lets the account root in through the root statement, with no IAM policy', () => {
    expect(kms(request(ownerRoot, 'kms:PutKeyPolicy'), defaultKeyPolicy())).toMatchObject({
      allowed: true,
      via: 'root-of-account',
    });
  });

  it('a key policy naming a user directly needs no IAM policy', () => {
    const keyPolicy = policy({
      Statement: [allowAll({ AWS: alice.arn }, ['kms:Encrypt', 'kms:Decrypt'])],
    });
    expect(kms(request(alice, 'kms:Decrypt'), keyPolicy)).toMatchObject({
      allowed: true,
      via: 'resource-policy',
    });
  });

  it('an IAM allow has no effect when the key policy does not delegate to the account', () => {
    const keyPolicy = policy({ Statement: [allowAll({ AWS: alice.arn })] });
    const result = kms(request(bob, 'kms:Encrypt'), keyPolicy, [iamPolicy('kms:*', '*')]);
    expect(result.allowed).toBe(false);
    expect(result.reason).toContain('neither names the caller nor delegates');
  });

  it('not even the account root gets in when the key policy does not name it', () => {
    const keyPolicy = policy({ Statement: [allowAll({ AWS: alice.arn })] });
    expect(kms(request(ownerRoot, 'kms:PutKeyPolicy'), keyPolicy).allowed).toBe(false);
  });

  it('an explicit deny in an IAM policy beats a key policy allow', () => {
    const keyPolicy = policy({ Statement: [allowAll({ AWS: alice.arn })] });
    const result = kms(request(alice, 'kms:Decrypt'), keyPolicy, [
      iamPolicy('kms:Decrypt', '*', 'Deny'),
    ]);
    expect(result).toMatchObject({ allowed: false, decision: 'explicit-deny' });
    expect(result.reason).toContain('IAM policy 1');
  });

  it('an explicit deny in the key policy names the statement', () => {
    const keyPolicy = policy({
      Statement: [
        allowAll({ AWS: alice.arn }),
        {
          Sid: 'NoDeletion',
          Effect: 'Deny',
          Principal: '*',
          Action: 'kms:ScheduleKeyDeletion',
          Resource: '*',
        },
      ],
    });
    const result = kms(request(alice, 'kms:ScheduleKeyDeletion'), keyPolicy);
    expect(result.decision).toBe('explicit-deny');
    expect(result.reason).toContain('"NoDeletion" of the key policy');
  });

  it('an assumed-role session is matched by its role ARN in the key policy', () => {
    const keyPolicy = policy({
      Statement: [allowAll({ AWS: appSession.roleArn }, 'kms:GenerateDataKey*')],
    });
    expect(
      kms(request(appSession, 'kms:GenerateDataKeyWithoutPlaintext'), keyPolicy),
    ).toMatchObject({
      allowed: true,
      via: 'resource-policy',
    });
  });
});

describe('authorize — cross-account', () => {
  const sharedWithOther = policy({
    Statement: [
      allowAll({ AWS: `arn:aws:iam::${OWNER}:root` }),
      allowAll({ AWS: `arn:aws:iam::${OTHER}:root` }, [
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:DescribeKey',
      ]),
    ],
  });

  it('key policy allows account 222222222222 but the caller there has no IAM allow → denied', () => {
    const result = kms(request(carol, 'kms:Decrypt'), sharedWithOther);
    expect(result).toMatchObject({ allowed: false, decision: 'implicit-deny' });
  });

  it('key policy allows the account and the caller’s IAM policy allows the key ARN → allowed', () => {
    expect(
      kms(request(carol, 'kms:Decrypt'), sharedWithOther, [iamPolicy('kms:Decrypt')]),
    ).toMatchObject({
      allowed: true,
      via: 'identity-policy',
    });
  });

  it('the root of the other account needs no identity policy', () => {
    expect(kms(request(otherRoot, 'kms:DescribeKey'), sharedWithOther).allowed).toBe(true);
  });

  it('a key policy naming the external user still needs that user’s IAM allow', () => {
    const keyPolicy = policy({ Statement: [allowAll({ AWS: carol.arn }, 'kms:Decrypt')] });
    const denied = kms(request(carol, 'kms:Decrypt'), keyPolicy);
    expect(denied.allowed).toBe(false);
    expect(denied.reason).toContain('cross-account access needs both');
    expect(kms(request(carol, 'kms:Decrypt'), keyPolicy, [iamPolicy('kms:Decrypt')]).allowed).toBe(
      true,
    );
  });

  it('an IAM allow in the other account alone is not enough when the key policy ignores it', () => {
    expect(
      kms(request(carol, 'kms:Decrypt'), defaultKeyPolicy(), [iamPolicy('kms:*', '*')]).allowed,
    ).toBe(false);
  });
});

describe('authorize — AWS managed aws/ebs key policy (§2.6.4)', () => {
  const ebsPolicy = policy({
    Version: '2012-10-17',
    Id: 'auto-ebs-2',
    Statement: [
      {
        Sid: 'Allow access through EBS for all principals in the account that are authorized to use EBS',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [
          'kms:Encrypt',
          'kms:Decrypt',
          'kms:ReEncrypt*',
          'kms:GenerateDataKey*',
          'kms:CreateGrant',
          'kms:DescribeKey',
        ],
        Resource: '*',
        Condition: {
          StringEquals: {
            'kms:CallerAccount': OWNER,
            'kms:ViaService': 'ec2.us-east-1.amazonaws.com',
          },
        },
      },
      {
        Sid: 'Allow direct access to key metadata to the account',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${OWNER}:root` },
        Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant'],
        Resource: '*',
      },
    ],
  });
  const viaEc2 = { 'kms:ViaService': 'ec2.us-east-1.amazonaws.com' };

  it('a principal of the account may use the key through EC2 in the right Region', () => {
    expect(
      kms(request(alice, 'kms:GenerateDataKeyWithoutPlaintext', viaEc2), ebsPolicy),
    ).toMatchObject({
      allowed: true,
      via: 'resource-policy',
    });
  });

  it('direct calls (no kms:ViaService) are denied', () => {
    expect(kms(request(alice, 'kms:Decrypt'), ebsPolicy).allowed).toBe(false);
  });

  it('EC2 in another Region does not qualify', () => {
    const ctx = { 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com' };
    expect(kms(request(alice, 'kms:Decrypt', ctx), ebsPolicy).allowed).toBe(false);
  });

  it('another account can never use it, even through EC2 and with IAM allows', () => {
    expect(
      kms(request(carol, 'kms:Decrypt', viaEc2), ebsPolicy, [iamPolicy('kms:*', '*')]).allowed,
    ).toBe(false);
  });

  it('key metadata is available to account principals whose IAM policy allows it', () => {
    expect(
      kms(request(alice, 'kms:DescribeKey'), ebsPolicy, [iamPolicy('kms:Describe*')]).allowed,
    ).toBe(true);
  });
});

describe('authorize — ordinary resource and trust policies', () => {
  it('same account without a resource policy: IAM decides; the root may do anything', () => {
    const s3 = (principal: Principal, identity: readonly PolicyDocument[]) =>
      authorize({
        request: request(principal, 's3:GetObject', {}, 'arn:aws:s3:::bucket/key'),
        resourceAccount: OWNER,
        identityPolicies: identity,
      });
    expect(s3(alice, [iamPolicy('s3:GetObject', 'arn:aws:s3:::bucket/*')]).via).toBe(
      'identity-policy',
    );
    expect(s3(bob, []).allowed).toBe(false);
    expect(s3(ownerRoot, []).via).toBe('root-of-account');
  });

  const trust = policy(
    {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${OWNER}:root` },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'sts:ExternalId': 'ops-console-7f3a' },
          Bool: { 'aws:MultiFactorAuthPresent': 'true' },
        },
      },
    },
    'trust',
  );
  const roleArn = `arn:aws:iam::${OTHER}:role/KmsOps`;
  const assume = (
    principal: Principal,
    context: RequestContext['context'],
    identity: readonly PolicyDocument[],
  ) =>
    authorize({
      request: request(principal, 'sts:AssumeRole', context, roleArn),
      resourceAccount: OTHER,
      identityPolicies: identity,
      resourcePolicy: trust,
      resourcePolicyKind: 'trust',
    });
  const canAssume = [iamPolicy('sts:AssumeRole', roleArn)];
  const good = { 'sts:ExternalId': 'ops-console-7f3a', 'aws:MultiFactorAuthPresent': true };

  it('a trust policy with sts:ExternalId and MFA admits a caller who has both and an IAM allow', () => {
    expect(assume(alice, good, canAssume)).toMatchObject({ allowed: true, via: 'identity-policy' });
  });

  it('a wrong or missing external id is denied', () => {
    expect(assume(alice, { ...good, 'sts:ExternalId': 'nope' }, canAssume).allowed).toBe(false);
    expect(assume(alice, { 'aws:MultiFactorAuthPresent': true }, canAssume).allowed).toBe(false);
  });

  it('no MFA (key absent for long-term keys) is denied', () => {
    expect(assume(alice, { 'sts:ExternalId': 'ops-console-7f3a' }, canAssume).allowed).toBe(false);
  });

  it('the caller also needs an identity policy allowing sts:AssumeRole on the role', () => {
    expect(assume(alice, good, []).allowed).toBe(false);
  });
});

describe('authorize — same-account trust policies', () => {
  const roleArn = `arn:aws:iam::${OWNER}:role/Deploy`;
  const trustFor = (principal: unknown) =>
    policy(
      {
        Version: '2012-10-17',
        Statement: { Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' },
      },
      'trust',
    );
  const assume = (trust: PolicyDocument, identity: readonly PolicyDocument[]) =>
    authorize({
      request: request(alice, 'sts:AssumeRole', {}, roleArn),
      resourceAccount: OWNER,
      identityPolicies: identity,
      resourcePolicy: trust,
      resourcePolicyKind: 'trust',
    });

  it('a trust policy naming the user directly needs no IAM policy', () => {
    expect(assume(trustFor({ AWS: alice.arn }), []).via).toBe('resource-policy');
  });

  it('an IAM allow alone does not get past a trust policy that names someone else', () => {
    const result = assume(trustFor({ AWS: bob.arn }), [iamPolicy('sts:AssumeRole', roleArn)]);
    expect(result.allowed).toBe(false);
    expect(result.reason).toContain('trust policy');
  });
});

describe('authorize — Deny naming an account root', () => {
  it('denies every principal of that account, even one named in an Allow', () => {
    const keyPolicy = policy({
      Statement: [
        allowAll({ AWS: [alice.arn, carol.arn] }),
        { Effect: 'Deny', Principal: { AWS: OTHER }, Action: 'kms:*', Resource: '*' },
      ],
    });
    expect(kms(request(carol, 'kms:Decrypt'), keyPolicy, [iamPolicy('kms:*', '*')]).decision).toBe(
      'explicit-deny',
    );
    expect(kms(request(alice, 'kms:Decrypt'), keyPolicy).allowed).toBe(true);
  });
});

it('reason sentences name the caller, the action and the key', () => {
  const result = kms(request(bob, 'kms:Encrypt'), undefined);
  expect(result.reason).toBe(
    `${bob.arn} is not authorized to perform kms:Encrypt on ${KEY_ARN}: there is no key policy.`,
  );
});
