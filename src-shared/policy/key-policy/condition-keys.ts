// Condition keys a KMS request can carry: KMS's own (`kms:`) and AWS's global keys (`aws:`).
// Names compare case-insensitively, as IAM does. Keys ending in `/` or `:` take a suffix
// (`kms:EncryptionContext:Department`, `aws:ResourceTag/Project`).

const KMS_KEYS = [
  'BypassPolicyLockoutSafetyCheck',
  'CallerAccount',
  'CustomerMasterKeySpec',
  'CustomerMasterKeyUsage',
  'DataKeyPairSpec',
  'EncryptionAlgorithm',
  'EncryptionContext:',
  'EncryptionContextKeys',
  'ExpirationModel',
  'GrantConstraintType',
  'GrantIsForAWSResource',
  'GrantOperations',
  'GranteePrincipal',
  'KeyAgreementAlgorithm',
  'KeyOrigin',
  'KeySpec',
  'KeyUsage',
  'MacAlgorithm',
  'MessageType',
  'MultiRegion',
  'MultiRegionKeyType',
  'PrimaryRegion',
  'ReEncryptOnSameKey',
  'RecipientAttestation:',
  'ReplicaRegion',
  'RequestAlias',
  'ResourceAliases',
  'RetiringPrincipal',
  'RotationPeriodInDays',
  'ScheduleKeyDeletionPendingWindowInDays',
  'SigningAlgorithm',
  'ValidTo',
  'ViaService',
  'WrappingAlgorithm',
  'WrappingKeySpec',
];

const AWS_GLOBAL_KEYS = [
  'CalledVia',
  'CalledViaFirst',
  'CalledViaLast',
  'CurrentTime',
  'Ec2InstanceSourcePrivateIPv4',
  'Ec2InstanceSourceVpc',
  'EpochTime',
  'FederatedProvider',
  'MultiFactorAuthAge',
  'MultiFactorAuthPresent',
  'PrincipalAccount',
  'PrincipalArn',
  'PrincipalIsAWSService',
  'PrincipalOrgID',
  'PrincipalOrgPaths',
  'PrincipalServiceName',
  'PrincipalServiceNamesList',
  'PrincipalTag/',
  'PrincipalType',
  'Referer',
  'RequestTag/',
  'RequestedRegion',
  'ResourceAccount',
  'ResourceOrgID',
  'ResourceOrgPaths',
  'ResourceTag/',
  'SecureTransport',
  'SourceAccount',
  'SourceArn',
  'SourceIdentity',
  'SourceIp',
  'SourceOrgID',
  'SourceOrgPaths',
  'SourceVpc',
  'SourceVpcArn',
  'SourceVpce',
  'TagKeys',
  'TokenIssueTime',
  'UserAgent',
  'ViaAWSService',
  'VpcSourceIp',
  'VpceAccount',
  'VpceOrgID',
  'VpceOrgPaths',
  'userid',
  'username',
];

/** As AWS spells them; keys that take a suffix end in `:` or `/`. */
export const CONDITION_KEYS: readonly string[] = [
  ...KMS_KEYS.map((name) => `kms:${name}`),
  ...AWS_GLOBAL_KEYS.map((name) => `aws:${name}`),
];

const KNOWN = CONDITION_KEYS.map((name) => name.toLowerCase());

export function isKnownConditionKey(key: string): boolean {
  const lower = key.toLowerCase();
  return KNOWN.some((known) =>
    known.endsWith('/') || known.endsWith(':')
      ? lower.startsWith(known) && lower.length > known.length
      : lower === known,
  );
}
