import { BACKUP_ACCOUNT, PARTNER_ACCOUNT, PROD_ACCOUNT } from './demo-world';

/**
 * The demo world's KMS keys, with fixed ids so that docs, tests and the EC2 and CloudTrail
 * seeders can name them. The KMS seeder creates exactly these (plus the AWS managed `aws/ebs`
 * keys, created on first use as AWS does).
 */
export interface DemoKeySpec {
  readonly name: string;
  readonly account: string;
  readonly region: string;
  readonly keyId: string;
  readonly alias: string;
  readonly description: string;
  readonly keySpec: string;
  readonly keyUsage: 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC';
  readonly origin?: 'AWS_KMS' | 'EXTERNAL';
  readonly rotation?: { readonly enabled: boolean; readonly periodDays?: number };
  /**
   * Age at start-up (default: spread over the last year). Rotating keys are old enough that an
   * automatic rotation fell in the seeded CloudTrail history, which shows it as `RotateKey`.
   */
  readonly createdDaysAgo?: number;
  readonly state?: 'Enabled' | 'Disabled' | 'PendingDeletion' | 'PendingImport';
  readonly multiRegionReplicas?: readonly string[];
  readonly tags?: Readonly<Record<string, string>>;
}

const P = PROD_ACCOUNT;

export const DEMO_KEYS: readonly DemoKeySpec[] = [
  {
    name: 'app-data',
    account: P,
    region: 'us-east-1',
    keyId: '1a2b3c4d-0001-4aaa-8bbb-111111110001',
    alias: 'alias/app-data',
    description: 'Application data at rest (envelope encryption)',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    rotation: { enabled: true, periodDays: 365 },
    createdDaysAgo: 392,
    tags: { Team: 'platform', Environment: 'prod', DataClass: 'confidential' },
  },
  {
    name: 'payments-legacy',
    account: P,
    region: 'us-east-1',
    keyId: '1a2b3c4d-0002-4aaa-8bbb-111111110002',
    alias: 'alias/payments-legacy',
    description: 'Legacy payments service (rotation never enabled)',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    rotation: { enabled: false },
    tags: { Team: 'payments', Environment: 'prod' },
  },
  {
    name: 'ebs-workloads',
    account: P,
    region: 'us-east-1',
    keyId: '1a2b3c4d-0003-4aaa-8bbb-111111110003',
    alias: 'alias/ebs-workloads',
    description: 'EBS volumes and snapshots of the workload fleet',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    rotation: { enabled: true, periodDays: 180 },
    createdDaysAgo: 195,
    tags: { Team: 'platform', Environment: 'prod', Purpose: 'ebs' },
  },
  {
    name: 'code-signing',
    account: P,
    region: 'us-east-1',
    keyId: '1a2b3c4d-0004-4aaa-8bbb-111111110004',
    alias: 'alias/code-signing',
    description: 'Release artifact signing',
    keySpec: 'RSA_3072',
    keyUsage: 'SIGN_VERIFY',
    tags: { Team: 'release' },
  },
  {
    name: 'device-attestation',
    account: P,
    region: 'us-east-1',
    keyId: '1a2b3c4d-0005-4aaa-8bbb-111111110005',
    alias: 'alias/device-attestation',
    description: 'Device attestation tokens (ECDSA P-256)',
    keySpec: 'ECC_NIST_P256',
    keyUsage: 'SIGN_VERIFY',
    tags: { Team: 'iot' },
  },
  {
    name: 'partner-exchange',
    account: P,
    region: 'us-east-1',
    keyId: '1a2b3c4d-0006-4aaa-8bbb-111111110006',
    alias: 'alias/partner-exchange',
    description: 'Partners encrypt files to us with the public key (RSA-OAEP)',
    keySpec: 'RSA_2048',
    keyUsage: 'ENCRYPT_DECRYPT',
    tags: { Team: 'integrations' },
  },
  {
    name: 'webhook-signing',
    account: P,
    region: 'us-east-1',
    keyId: '1a2b3c4d-0007-4aaa-8bbb-111111110007',
    alias: 'alias/webhook-signing',
    description: 'HMAC for outgoing webhooks',
    keySpec: 'HMAC_256',
    keyUsage: 'GENERATE_VERIFY_MAC',
    tags: { Team: 'integrations' },
  },
  {
    name: 'byok-import',
    account: P,
    region: 'us-east-1',
    keyId: '1a2b3c4d-0008-4aaa-8bbb-111111110008',
    alias: 'alias/byok-import',
    description: 'Bring-your-own-key material from the on-premises HSM',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    origin: 'EXTERNAL',
    tags: { Team: 'security', Compliance: 'byok' },
  },
  {
    name: 'global-orders',
    account: P,
    region: 'us-east-1',
    keyId: 'mrk-1a2b3c4d00094aaa8bbb111111110009',
    alias: 'alias/global-orders',
    description: 'Orders replicated across regions (multi-Region primary)',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    rotation: { enabled: true, periodDays: 365 },
    createdDaysAgo: 376,
    multiRegionReplicas: ['eu-west-1', 'ap-southeast-2'],
    tags: { Team: 'orders', Environment: 'prod' },
  },
  {
    name: 'retired-analytics',
    account: P,
    region: 'us-east-1',
    keyId: '1a2b3c4d-0010-4aaa-8bbb-111111110010',
    alias: 'alias/retired-analytics',
    description: 'Old analytics pipeline (disabled)',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    state: 'Disabled',
    tags: { Team: 'analytics' },
  },
  {
    name: 'old-reporting',
    account: P,
    region: 'us-east-1',
    keyId: '1a2b3c4d-0011-4aaa-8bbb-111111110011',
    alias: 'alias/old-reporting',
    description: 'Reporting key scheduled for deletion',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    state: 'PendingDeletion',
    tags: { Team: 'analytics' },
  },
  {
    name: 'dr-backups',
    account: BACKUP_ACCOUNT,
    region: 'us-west-2',
    keyId: '2b3c4d5e-0001-4bbb-8ccc-222222220001',
    alias: 'alias/dr-backups',
    description: 'Re-encrypts snapshot copies received from prod',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    rotation: { enabled: true, periodDays: 365 },
    createdDaysAgo: 383,
    tags: { Team: 'dr', Environment: 'backup' },
  },
  {
    name: 'dr-backups-east',
    account: BACKUP_ACCOUNT,
    region: 'us-east-1',
    keyId: '2b3c4d5e-0002-4bbb-8ccc-222222220002',
    alias: 'alias/dr-backups',
    description: 'Re-encrypts snapshot copies received from prod (same region)',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    rotation: { enabled: true, periodDays: 365 },
    createdDaysAgo: 383,
    tags: { Team: 'dr', Environment: 'backup' },
  },
  {
    name: 'vendor-inbox',
    account: PARTNER_ACCOUNT,
    region: 'us-east-1',
    keyId: '3c4d5e6f-0001-4ccc-8ddd-333333330001',
    alias: 'alias/vendor-inbox',
    description: 'Vendor key for images shared by prod',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    tags: { Team: 'vendor' },
  },
];

export function demoKey(name: string): DemoKeySpec {
  const key = DEMO_KEYS.find((candidate) => candidate.name === name);
  if (!key) throw new Error(`no demo key named ${name}`);
  return key;
}

export function demoKeyArn(key: DemoKeySpec, region = key.region): string {
  return `arn:aws:kms:${region}:${key.account}:key/${key.keyId}`;
}
