/**
 * A small catalog of AWS managed policies (`arn:aws:iam::aws:policy/…`). The documents are
 * trimmed to the services the sandbox models (KMS, EC2, STS, IAM, CloudTrail) but keep the
 * shape of the real ones.
 */

export interface ManagedPolicy {
  readonly name: string;
  readonly arn: string;
  /** `ANPA…` */
  readonly id: string;
  readonly path: string;
  readonly description: string;
  readonly defaultVersionId: string;
  readonly createDate: string;
  readonly updateDate: string;
  /** Policy JSON as GetPolicyVersion returns it (before URL-encoding). */
  readonly document: string;
}

interface Statement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action?: string | readonly string[];
  readonly NotAction?: readonly string[];
  readonly Resource: string;
}

interface Entry {
  readonly name: string;
  readonly id: string;
  readonly path?: string;
  readonly description: string;
  readonly version: string;
  readonly created?: string;
  readonly updated: string;
  readonly statements: readonly Statement[];
}

const allow = (actions: readonly string[], sid?: string): Statement => ({
  ...(sid === undefined ? {} : { Sid: sid }),
  Effect: 'Allow',
  Action: actions,
  Resource: '*',
});

const READ_ONLY = [
  'cloudtrail:Describe*',
  'cloudtrail:Get*',
  'cloudtrail:List*',
  'cloudtrail:LookupEvents',
  'ec2:Describe*',
  'ec2:Get*',
  'ec2:SearchTransitGatewayRoutes',
  'iam:Generate*',
  'iam:Get*',
  'iam:List*',
  'iam:Simulate*',
  'kms:Describe*',
  'kms:Get*',
  'kms:List*',
  'sts:GetCallerIdentity',
];

const ENTRIES: readonly Entry[] = [
  {
    name: 'AdministratorAccess',
    id: 'ANPAIWMBCKSKIEE64ZLYK',
    description: 'Provides full access to AWS services and resources.',
    version: 'v1',
    updated: '2015-02-06T18:39:46Z',
    statements: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
  },
  {
    name: 'PowerUserAccess',
    id: 'ANPAJYRXTHIB4FOVS3ZXS',
    description:
      'Provides full access to AWS services and resources, but does not allow management of Users and groups.',
    version: 'v5',
    updated: '2023-07-06T22:04:00Z',
    statements: [
      { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
      allow([
        'account:GetAccountInformation',
        'account:ListRegions',
        'iam:CreateServiceLinkedRole',
        'iam:DeleteServiceLinkedRole',
        'iam:ListRoles',
        'organizations:DescribeOrganization',
      ]),
    ],
  },
  {
    name: 'ReadOnlyAccess',
    id: 'ANPAILL3HVNFSB6DCOWYQ',
    description: 'Provides read-only access to AWS services and resources.',
    version: 'v112',
    updated: '2024-01-11T17:21:50Z',
    statements: [allow(READ_ONLY)],
  },
  {
    name: 'ViewOnlyAccess',
    id: 'ANPAID22R6XPJATWOFDK6',
    path: '/job-function/',
    description:
      'This policy grants permissions to view resources and basic metadata across all AWS services.',
    version: 'v17',
    created: '2016-11-10T17:20:15Z',
    updated: '2023-11-06T18:29:31Z',
    statements: [
      allow([
        'cloudtrail:DescribeTrails',
        'cloudtrail:ListTags',
        'cloudtrail:LookupEvents',
        'ec2:DescribeImages',
        'ec2:DescribeInstances',
        'ec2:DescribeSnapshots',
        'ec2:DescribeVolumes',
        'iam:List*',
        'kms:ListAliases',
        'kms:ListKeys',
      ]),
    ],
  },
  {
    name: 'SecurityAudit',
    id: 'ANPAIX2T3QCXHR2OGGCTO',
    description:
      'The security audit template grants access to read security configuration metadata.',
    version: 'v38',
    updated: '2023-12-19T18:24:25Z',
    statements: [
      allow([
        'cloudtrail:DescribeTrails',
        'cloudtrail:GetEventSelectors',
        'cloudtrail:GetTrailStatus',
        'cloudtrail:ListTags',
        'cloudtrail:LookupEvents',
        'ec2:Describe*',
        'ec2:GetEbsEncryptionByDefault',
        'iam:GenerateCredentialReport',
        'iam:Get*',
        'iam:List*',
        'kms:Describe*',
        'kms:Get*',
        'kms:List*',
      ]),
    ],
  },
  {
    name: 'IAMReadOnlyAccess',
    id: 'ANPAJKSO7NDY4T57MWDSQ',
    description: 'Provides read only access to IAM via the AWS Management Console.',
    version: 'v4',
    updated: '2018-01-25T19:11:27Z',
    statements: [
      allow([
        'iam:GenerateCredentialReport',
        'iam:GenerateServiceLastAccessedDetails',
        'iam:Get*',
        'iam:List*',
        'iam:SimulateCustomPolicy',
        'iam:SimulatePrincipalPolicy',
      ]),
    ],
  },
  {
    name: 'IAMFullAccess',
    id: 'ANPAI7XKCFMBPM3QQRRVQ',
    description: 'Provides full access to IAM via the AWS Management Console.',
    version: 'v2',
    updated: '2019-06-21T19:40:00Z',
    statements: [allow(['iam:*', 'organizations:DescribeAccount', 'organizations:ListRoots'])],
  },
  {
    name: 'AWSKeyManagementServicePowerUser',
    id: 'ANPAJNPP7PPPPMJRV2SA4',
    description: 'Provides access to AWS Key Management Service (AWS KMS).',
    version: 'v2',
    updated: '2017-03-07T00:55:11Z',
    statements: [
      allow([
        'kms:CreateAlias',
        'kms:CreateKey',
        'kms:DeleteAlias',
        'kms:Describe*',
        'kms:GenerateRandom',
        'kms:Get*',
        'kms:List*',
        'kms:TagResource',
        'kms:UntagResource',
        'iam:ListGroups',
        'iam:ListRoles',
        'iam:ListUsers',
      ]),
    ],
  },
  {
    name: 'AmazonEC2ReadOnlyAccess',
    id: 'ANPAIGDT4SV4GSETWTBZK',
    description: 'Provides read only access to Amazon EC2 via the AWS Management Console.',
    version: 'v3',
    updated: '2020-09-25T21:20:42Z',
    statements: [allow(['ec2:Describe*', 'ec2:GetSecurityGroupsForVpc'])],
  },
  {
    name: 'AmazonEC2FullAccess',
    id: 'ANPAI3VAJF5ZCRZ7MCQE6',
    description: 'Provides full access to Amazon EC2 via the AWS Management Console.',
    version: 'v5',
    updated: '2018-11-27T02:16:56Z',
    statements: [allow(['ec2:*', 'iam:CreateServiceLinkedRole'])],
  },
  {
    name: 'AWSCloudTrail_ReadOnlyAccess',
    id: 'ANPAZKAPJZG4HZ6VBG5UO',
    description: 'Provides read only access to AWS CloudTrail.',
    version: 'v1',
    created: '2021-11-05T16:47:19Z',
    updated: '2021-11-05T16:47:19Z',
    statements: [
      allow([
        'cloudtrail:Describe*',
        'cloudtrail:Get*',
        'cloudtrail:List*',
        'cloudtrail:LookupEvents',
      ]),
    ],
  },
  {
    name: 'AWSCloudTrail_FullAccess',
    id: 'ANPAZKAPJZG4AXNVUGT4K',
    description: 'Provides full access to AWS CloudTrail.',
    version: 'v3',
    created: '2020-09-01T19:02:18Z',
    updated: '2022-08-29T21:52:23Z',
    statements: [
      allow(['cloudtrail:*']),
      allow(['kms:ListKeys', 'kms:ListAliases', 'iam:ListRoles', 'iam:GetRolePolicy']),
    ],
  },
];

export const AWS_MANAGED_POLICIES: readonly ManagedPolicy[] = ENTRIES.map((e) => {
  const path = e.path ?? '/';
  return {
    name: e.name,
    arn: `arn:aws:iam::aws:policy${path}${e.name}`,
    id: e.id,
    path,
    description: e.description,
    defaultVersionId: e.version,
    createDate: e.created ?? '2015-02-06T18:39:46Z',
    updateDate: e.updated,
    document: JSON.stringify({ Version: '2012-10-17', Statement: e.statements }, null, 4),
  };
});
