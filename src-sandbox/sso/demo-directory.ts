import { SANDBOX_SSO_DEMO } from '../../src-shared/models/sandbox-sso-demo';
import { BACKUP_ACCOUNT, PROD_ACCOUNT } from '../seed/demo-world';

/** The demo IAM Identity Center instance: documented in the README, offered by the app's form. */
export const DEMO_SSO_START_URL = SANDBOX_SSO_DEMO.startUrl;
export const DEMO_SSO_REGION = SANDBOX_SSO_DEMO.ssoRegion;
export const DEMO_SSO_INSTANCE_ARN = 'arn:aws:sso:::instance/ssoins-7223sandbox0001';
export const DEMO_SSO_IDENTITY_STORE = 'd-9067sandbox';

/** The one person in the demo directory; the verification page signs in as them. */
export const DEMO_SSO_USER = {
  userName: 'dana',
  displayName: 'Dana Demo',
  email: 'dana@keyward-demo.example',
} as const;

export interface DemoPermissionSet {
  readonly name: string;
  readonly description: string;
  /** Inline policy of the provisioned role. */
  readonly policy: string;
  /** In which accounts the demo user has it. */
  readonly accounts: readonly string[];
  /** `AWSReservedSSO_<name>_<suffix>`: fixed so docs and tests can name the roles. */
  readonly roleSuffix: string;
}

const policy = (statements: readonly object[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

export const DEMO_PERMISSION_SETS: readonly DemoPermissionSet[] = [
  {
    name: 'AdministratorAccess',
    description: 'Full access (Identity Center permission set)',
    policy: policy([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
    accounts: [PROD_ACCOUNT, BACKUP_ACCOUNT],
    roleSuffix: '5a2f6c1d8e9b0a47',
  },
  {
    name: 'KmsAuditor',
    description: 'Read KMS keys, policies and the audit trail; no cryptographic use',
    policy: policy([
      {
        Sid: 'ReadKeysAndTrail',
        Effect: 'Allow',
        Action: [
          'kms:Describe*',
          'kms:Get*',
          'kms:List*',
          'cloudtrail:LookupEvents',
          'ec2:Describe*',
        ],
        Resource: '*',
      },
    ]),
    accounts: [PROD_ACCOUNT, BACKUP_ACCOUNT],
    roleSuffix: '0c93e7b14d2a6f58',
  },
];

export const SSO_ROLE_PATH = '/aws-reserved/sso.amazonaws.com/';

export function ssoRoleName(set: Pick<DemoPermissionSet, 'name' | 'roleSuffix'>): string {
  return `AWSReservedSSO_${set.name}_${set.roleSuffix}`;
}

/** Trust policy Identity Center puts on its roles: only its SAML provider may assume them. */
export function ssoTrustPolicy(account: string): string {
  return policy([
    {
      Effect: 'Allow',
      Principal: {
        Federated: `arn:aws:iam::${account}:saml-provider/AWSSSO_7223sandbox0001_DO_NOT_DELETE`,
      },
      Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
      Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
    },
  ]);
}
