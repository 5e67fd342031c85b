/** Fixed facts of the demo world that docs, tests and other seeders rely on. */

export interface DemoAccountSpec {
  readonly name: 'prod' | 'backup' | 'partner';
  readonly id: string;
  readonly alias?: string;
  /** Profile of the account's administrator in the written credentials file. */
  readonly profile: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccountSpec[] = [
  { name: 'prod', id: '111111111111', alias: 'keyward-prod', profile: 'prod' },
  { name: 'backup', id: '222222222222', profile: 'backup' },
  { name: 'partner', id: '333333333333', profile: 'partner' },
];

export const PROD_ACCOUNT = '111111111111';
export const BACKUP_ACCOUNT = '222222222222';
export const PARTNER_ACCOUNT = '333333333333';

/** Regions the demo world populates. */
export const DEMO_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'] as const;

/** Default region written to the config file for every profile. */
export const DEFAULT_REGION = 'us-east-1';

export const ADMIN_USER = 'admin';
export const DEVELOPER_USER = 'prod-developer';
export const DEVELOPER_PROFILE = 'prod-developer';

/**
 * The prod admin's virtual MFA device and its TOTP secret (RFC 6238, SHA-1, 30 s, 6 digits).
 * Documented on purpose: add it to any authenticator app, or compute codes with
 * `oathtool --totp -b KEYWARD2SANDBOX3MFA4DEMO5SECRET6`.
 */
export const PROD_ADMIN_MFA_SERIAL = `arn:aws:iam::${PROD_ACCOUNT}:mfa/admin`;
export const DEMO_MFA_SECRET = 'KEYWARD2SANDBOX3MFA4DEMO5SECRET6';

/** backup's role for cross-account copy work; prod may assume it with this external id. */
export const BACKUP_OPERATOR_ROLE = 'BackupOperator';
export const BACKUP_OPERATOR_ARN = `arn:aws:iam::${BACKUP_ACCOUNT}:role/${BACKUP_OPERATOR_ROLE}`;
export const BACKUP_OPERATOR_EXTERNAL_ID = 'keyward-demo';

/** backup's break-glass role: prod may assume it only with MFA. */
export const BREAK_GLASS_ROLE = 'BreakGlassAdmin';
export const BREAK_GLASS_ARN = `arn:aws:iam::${BACKUP_ACCOUNT}:role/${BREAK_GLASS_ROLE}`;
