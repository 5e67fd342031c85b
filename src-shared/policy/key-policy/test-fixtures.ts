// Policies and checks shared by this folder's tests (imported only by *.test.ts).
import { expect } from 'vitest';
import type { ContextValue, Principal } from '../types';
import { evaluatePolicy } from '../evaluate-policy';
import { parsePolicy } from '../parse-policy';
import {
  alice,
  appSession,
  bob,
  carol,
  ec2Service,
  KEY_ARN,
  OTHER,
  OWNER,
  otherRoot,
  ownerRoot,
  request,
} from '../test-helpers';
import { KMS_ACTIONS } from './kms-actions';
import type { KeyPolicyContext } from './key-policy-view';

export const CONTEXT: KeyPolicyContext = { accountId: OWNER, region: 'us-east-1', keyArn: KEY_ARN };
export const ADMIN_ROLE = `arn:aws:iam::${OWNER}:role/KmsAdmin`;
export const APP_ROLE = `arn:aws:iam::${OWNER}:role/App`;

export const rootStatement = {
  Sid: 'Enable IAM User Permissions',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${OWNER}:root` },
  Action: 'kms:*',
  Resource: '*',
};

export const awsDefaultPolicy = {
  Version: '2012-10-17',
  Id: 'key-default-1',
  Statement: [rootStatement],
};

export const adminStatement = {
  Sid: 'Allow access for Key Administrators',
  Effect: 'Allow',
  Principal: { AWS: [ADMIN_ROLE] },
  Action: [
    'kms:Create*',
    'kms:Describe*',
    'kms:Enable*',
    'kms:List*',
    'kms:Put*',
    'kms:Update*',
    'kms:Revoke*',
    'kms:Disable*',
    'kms:Get*',
    'kms:Delete*',
    'kms:TagResource',
    'kms:UntagResource',
    'kms:ScheduleKeyDeletion',
    'kms:CancelKeyDeletion',
    'kms:RotateKeyOnDemand',
  ],
  Resource: '*',
};

const keyUsers = [APP_ROLE, `arn:aws:iam::${OTHER}:root`];

export const usersStatement = {
  Sid: 'Allow use of the key',
  Effect: 'Allow',
  Principal: { AWS: keyUsers },
  Action: [
    'kms:Encrypt',
    'kms:Decrypt',
    'kms:ReEncrypt*',
    'kms:GenerateDataKey*',
    'kms:DescribeKey',
  ],
  Resource: '*',
};

export const attachmentStatement = {
  Sid: 'Allow attachment of persistent resources',
  Effect: 'Allow',
  Principal: { AWS: keyUsers },
  Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
  Resource: '*',
  Condition: { Bool: { 'kms:GrantIsForAWSResource': true } },
};

export const consoleDefaultPolicy = {
  Id: 'key-consolepolicy-3',
  Version: '2012-10-17',
  Statement: [rootStatement, adminStatement, usersStatement, attachmentStatement],
};

export const denyOutsideAccountsStatement = {
  Sid: 'DenyOutsideOrg',
  Effect: 'Deny',
  Principal: '*',
  Action: 'kms:Decrypt',
  Resource: '*',
  Condition: { StringNotEquals: { 'aws:PrincipalAccount': [OWNER, OTHER] } },
};

/** A key-user statement someone added a condition to: the editor must leave it alone. */
export const financeUserStatement = {
  ...usersStatement,
  Sid: 'Allow use of the key for finance',
  Principal: { AWS: `arn:aws:iam::${OWNER}:user/alice` },
  Condition: { StringEquals: { 'kms:EncryptionContext:Dept': 'finance' } },
};

export const ebsStatement = {
  Sid: 'Ebs',
  Effect: 'Allow',
  Principal: { AWS: '*' },
  Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:CreateGrant'],
  Resource: '*',
  Condition: {
    StringEquals: { 'kms:CallerAccount': OWNER, 'kms:ViaService': 'ec2.us-east-1.amazonaws.com' },
  },
};

export const cloudTrailStatement = {
  Sid: 'CloudTrail',
  Effect: 'Allow',
  Principal: { Service: 'cloudtrail.amazonaws.com' },
  Action: 'kms:GenerateDataKey*',
  Resource: '*',
  Condition: { StringEquals: { 'aws:SourceAccount': OWNER } },
};

/** The console's policy after hand edits: a Deny, a conditioned user statement, an EBS-style statement. */
export const handEditedPolicy = {
  Version: '2012-10-17',
  Id: 'key-consolepolicy-3',
  Statement: [
    rootStatement,
    denyOutsideAccountsStatement,
    adminStatement,
    financeUserStatement,
    ebsStatement,
    usersStatement,
    cloudTrailStatement,
  ],
};

const adminRole: Principal = { arn: ADMIN_ROLE, account: OWNER, kind: 'role' };
const appRole: Principal = { arn: APP_ROLE, account: OWNER, kind: 'role' };
const cloudTrail: Principal = {
  arn: 'cloudtrail.amazonaws.com',
  account: '',
  kind: 'service',
  service: 'cloudtrail.amazonaws.com',
};
const PRINCIPALS = [
  ownerRoot,
  alice,
  bob,
  appSession,
  appRole,
  adminRole,
  otherRoot,
  carol,
  ec2Service,
  cloudTrail,
];
const CONTEXTS: readonly Readonly<Record<string, ContextValue>>[] = [
  {},
  { 'kms:GrantIsForAWSResource': true },
  { 'kms:ViaService': 'ec2.us-east-1.amazonaws.com', 'kms:EncryptionContext:Dept': 'finance' },
  { 'aws:SourceAccount': OWNER },
];

function decisions(document: unknown): string[] {
  const parsed = parsePolicy(document, 'resource');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const out: string[] = [];
  for (const principal of PRINCIPALS) {
    for (const action of Object.keys(KMS_ACTIONS)) {
      for (const context of CONTEXTS) {
        const { decision } = evaluatePolicy(
          parsed.policy,
          request(principal, `kms:${action}`, context),
          'resource',
        );
        out.push(`${principal.arn} kms:${action} ${JSON.stringify(context)} ${decision}`);
      }
    }
  }
  return out;
}

/** Same decision for every principal × KMS action × context in the matrix. */
export function expectEquivalent(actual: unknown, expected: unknown): void {
  expect(decisions(actual)).toEqual(decisions(expected));
}
