import { describe, expect, it } from 'vitest';
import { parsePolicy } from './parse-policy';
import { principalFromArn } from './principal-from-arn';
import { toPolicyJson } from './serialize-policy';

describe('toPolicyJson', () => {
  it('round-trips a console-style key policy through parsePolicy', () => {
    const raw = {
      Version: '2012-10-17',
      Id: 'key-consolepolicy-3',
      Statement: [
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111111111111:root' },
          Action: 'kms:*',
          Resource: '*',
        },
        {
          Sid: 'Allow attachment of persistent resources',
          Effect: 'Allow',
          Principal: {
            AWS: ['arn:aws:iam::111111111111:role/App', 'arn:aws:iam::222222222222:root'],
          },
          Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
          Resource: '*',
          Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
        },
      ],
    };
    const parsed = parsePolicy(raw, 'resource');
    expect(parsed.ok && toPolicyJson(parsed.policy)).toEqual(raw);
  });
});

describe('principalFromArn', () => {
  it('recognises root, user, role, session and service principals', () => {
    expect(principalFromArn('arn:aws:iam::111111111111:root')).toEqual({
      arn: 'arn:aws:iam::111111111111:root',
      account: '111111111111',
      kind: 'root',
    });
    expect(principalFromArn('arn:aws:iam::111111111111:user/ops/alice')?.kind).toBe('user');
    expect(principalFromArn('arn:aws:sts::111111111111:assumed-role/App/s1')).toEqual({
      arn: 'arn:aws:sts::111111111111:assumed-role/App/s1',
      account: '111111111111',
      kind: 'assumed-role',
      roleArn: 'arn:aws:iam::111111111111:role/App',
    });
    expect(principalFromArn('ec2.amazonaws.com')?.kind).toBe('service');
    expect(principalFromArn('not-an-arn')).toBeUndefined();
  });
});
