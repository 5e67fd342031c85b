/**
 * Key policy texts KMS writes itself, printed the way KMS returns them (Jackson's pretty
 * printer: two-space indent, `" : "` separators, `[ {` on one line — reference §2.6.1).
 */

type Json = string | number | boolean | null | readonly Json[] | { readonly [k: string]: Json };

export function jacksonStringify(value: Json, level = 0): string {
  const pad = (n: number) => '  '.repeat(n);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[ ]';
    return `[ ${value.map((v: Json) => jacksonStringify(v, level)).join(', ')} ]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{ }';
    const body = entries
      .map(([k, v]) => `${pad(level + 1)}${JSON.stringify(k)} : ${jacksonStringify(v, level + 1)}`)
      .join(',\n');
    return `{\n${body}\n${pad(level)}}`;
  }
  return JSON.stringify(value);
}

export const rootOf = (account: string) => `arn:aws:iam::${account}:root`;

const ENABLE_IAM = (account: string) => ({
  Sid: 'Enable IAM User Permissions',
  Effect: 'Allow',
  Principal: { AWS: rootOf(account) },
  Action: 'kms:*',
  Resource: '*',
});

/** The policy CreateKey/ReplicateKey attach when none is given (reference §2.6.1). */
export function defaultKeyPolicy(account: string): string {
  return jacksonStringify({
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [ENABLE_IAM(account)],
  });
}

/** An AWS managed key's policy (`aws/ebs`: reference §2.6.4; other services alike). */
export function awsManagedKeyPolicy(account: string, region: string, service: string): string {
  const label = service.toUpperCase();
  return jacksonStringify({
    Version: '2012-10-17',
    Id: `auto-${service}-2`,
    Statement: [
      {
        Sid: `Allow access through ${label} for all principals in the account that are authorized to use ${label}`,
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
            'kms:CallerAccount': account,
            'kms:ViaService': `${serviceHost(service)}.${region}.amazonaws.com`,
          },
        },
      },
      {
        Sid: 'Allow direct access to key metadata to the account',
        Effect: 'Allow',
        Principal: { AWS: rootOf(account) },
        Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant'],
        Resource: '*',
      },
    ],
  });
}

/** `aws/ebs` keys are used through EC2 (`ec2.<region>.amazonaws.com`). */
function serviceHost(service: string): string {
  return service === 'ebs' ? 'ec2' : service;
}

const USE_ACTIONS = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncrypt*',
  'kms:GenerateDataKey*',
  'kms:DescribeKey',
];

/**
 * The default policy plus "use the key" and "attachment of persistent resources" statements
 * for `others` (account roots), as the console writes them (reference §2.6.2, §4.4). For EBS
 * copy work the other account also needs kms:CreateGrant on the key itself (reference §3.5),
 * so it is added to "Allow use of the key".
 */
export function sharedKeyPolicy(account: string, others: readonly string[]): string {
  const principals = others.map(rootOf);
  return jacksonStringify({
    Version: '2012-10-17',
    Id: 'key-consolepolicy-3',
    Statement: [
      ENABLE_IAM(account),
      {
        Sid: 'Allow use of the key',
        Effect: 'Allow',
        Principal: { AWS: principals },
        Action: [...USE_ACTIONS, 'kms:CreateGrant'],
        Resource: '*',
      },
      {
        Sid: 'Allow attachment of persistent resources',
        Effect: 'Allow',
        Principal: { AWS: principals },
        Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
        Resource: '*',
        Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
      },
    ],
  });
}

/** The default policy plus one statement letting `principalArn` call the given actions. */
export function policyWithUser(account: string, principalArn: string, actions: readonly string[]) {
  return jacksonStringify({
    Version: '2012-10-17',
    Id: 'key-consolepolicy-3',
    Statement: [
      ENABLE_IAM(account),
      {
        Sid: 'Allow use of the key',
        Effect: 'Allow',
        Principal: { AWS: principalArn },
        Action: [...actions],
        Resource: '*',
      },
    ],
  });
}
