// The action lists of the AWS console's default key policy (reference §2.6.2), and the key
// usages they depend on.

export type KeyUsage = 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC' | 'KEY_AGREEMENT';

/** Which "Allow use of the key" action list fits a key. */
export type KeyUserActionSet =
  'symmetric' | 'asymmetric-encrypt' | 'sign-verify' | 'hmac' | 'key-agreement';

export const ADMIN_BASE_ACTIONS: readonly string[] = [
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
];

export const ADMIN_DELETE_ACTIONS: readonly string[] = [
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
];

/**
 * Actions the console adds for some keys (imported material, multi-Region, on-demand rotation);
 * an administrator statement may carry any of them and still be understood.
 */
export const ADMIN_OPTIONAL_ACTIONS: readonly string[] = [
  'kms:RotateKeyOnDemand',
  'kms:ImportKeyMaterial',
  'kms:ReplicateKey',
  'kms:UpdatePrimaryRegion',
];

export const KEY_USER_ACTIONS: Readonly<Record<KeyUserActionSet, readonly string[]>> = {
  symmetric: [
    'kms:Encrypt',
    'kms:Decrypt',
    'kms:ReEncrypt*',
    'kms:GenerateDataKey*',
    'kms:DescribeKey',
  ],
  'asymmetric-encrypt': [
    'kms:Encrypt',
    'kms:Decrypt',
    'kms:ReEncrypt*',
    'kms:DescribeKey',
    'kms:GetPublicKey',
  ],
  'sign-verify': ['kms:DescribeKey', 'kms:GetPublicKey', 'kms:Sign', 'kms:Verify'],
  hmac: ['kms:DescribeKey', 'kms:GenerateMac', 'kms:VerifyMac'],
  'key-agreement': ['kms:DescribeKey', 'kms:GetPublicKey', 'kms:DeriveSharedSecret'],
};

export const ATTACHMENT_ACTIONS: readonly string[] = [
  'kms:CreateGrant',
  'kms:ListGrants',
  'kms:RevokeGrant',
];

export const SIDS = {
  accountRoot: 'Enable IAM User Permissions',
  administrators: 'Allow access for Key Administrators',
  users: 'Allow use of the key',
  attachment: 'Allow attachment of persistent resources',
} as const;

export function keyUserActionSet(keySpec: string, keyUsage: KeyUsage): KeyUserActionSet {
  if (keyUsage === 'GENERATE_VERIFY_MAC' || keySpec.startsWith('HMAC_')) return 'hmac';
  if (keyUsage === 'SIGN_VERIFY') return 'sign-verify';
  if (keyUsage === 'KEY_AGREEMENT') return 'key-agreement';
  return keySpec === 'SYMMETRIC_DEFAULT' ? 'symmetric' : 'asymmetric-encrypt';
}

/** Same members, any order, exact spelling (a re-ordered list is still the console's list). */
export function sameActionSet(actions: readonly string[], expected: readonly string[]): boolean {
  const set = new Set(actions);
  return set.size === expected.length && expected.every((action) => set.has(action));
}
