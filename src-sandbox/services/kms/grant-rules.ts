import { randomBytes } from 'node:crypto';
import { kindOf } from './crypto';
import { kmsError, validationError } from './errors';
import type { GrantConstraints, KmsGrantDoc, KmsKeyDoc } from './model';

const COMMON = ['DescribeKey', 'CreateGrant', 'RetireGrant'];
const ENCRYPTION = ['Encrypt', 'Decrypt', 'ReEncryptFrom', 'ReEncryptTo'];
const DATA_KEYS = [
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
];

/** Grant operations valid for the key's type (reference §2.5.6). */
export function validGrantOperations(key: KmsKeyDoc): readonly string[] {
  const kind = kindOf(key.keySpec);
  if (kind === 'symmetric') return [...COMMON, ...ENCRYPTION, ...DATA_KEYS];
  if (kind === 'hmac') return [...COMMON, 'GenerateMac', 'VerifyMac'];
  if (key.keyUsage === 'ENCRYPT_DECRYPT') return [...COMMON, ...ENCRYPTION, 'GetPublicKey'];
  if (key.keyUsage === 'KEY_AGREEMENT') return [...COMMON, 'DeriveSharedSecret', 'GetPublicKey'];
  return [...COMMON, 'Sign', 'Verify', 'GetPublicKey'];
}

export function checkGrantOperations(key: KmsKeyDoc, operations: readonly string[]): void {
  const valid = validGrantOperations(key);
  const bad = operations.filter((op) => !valid.includes(op));
  if (bad.length > 0) {
    // Wire code UNCONFIRMED (the guide says ValidationError): ValidationException.
    throw validationError(
      `Grant operations ${bad.join(', ')} are not valid for a KMS key with KeySpec ${key.keySpec} and KeyUsage ${key.keyUsage}.`,
    );
  }
}

/** Encryption-context constraints: at most 8 pairs, values up to 384 characters. */
export function checkConstraints(constraints: GrantConstraints | undefined): void {
  for (const map of [constraints?.EncryptionContextSubset, constraints?.EncryptionContextEquals]) {
    if (!map) continue;
    const entries = Object.entries(map);
    if (entries.length > 8 || entries.some(([, v]) => v.length > 384)) {
      throw validationError(
        'Grant constraints allow at most 8 encryption context pairs of up to 384 characters.',
      );
    }
  }
}

export const newGrantId = (): string => randomBytes(32).toString('hex');

const GRANT_ID = /^[a-f0-9]{64}$/;
export function checkGrantId(grantId: string): void {
  if (!GRANT_ID.test(grantId))
    throw kmsError('InvalidGrantIdException', `Invalid grant ID ${grantId}`);
}

const sameMap = (a?: Readonly<Record<string, string>>, b?: Readonly<Record<string, string>>) =>
  JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b ?? {}).sort());

/** CreateGrant idempotency: same name and identical parameters (reference §2.5.6). */
export function sameGrant(
  a: KmsGrantDoc,
  b: Omit<KmsGrantDoc, 'grantId' | 'creationDate'>,
): boolean {
  return (
    a.name === b.name &&
    a.granteePrincipal === b.granteePrincipal &&
    a.retiringPrincipal === b.retiringPrincipal &&
    [...a.operations].sort().join() === [...b.operations].sort().join() &&
    sameMap(a.constraints?.EncryptionContextSubset, b.constraints?.EncryptionContextSubset) &&
    sameMap(a.constraints?.EncryptionContextEquals, b.constraints?.EncryptionContextEquals)
  );
}

/** A grant as ListGrants / ListRetirableGrants show it. */
export function grantView(g: KmsGrantDoc) {
  return {
    KeyId: g.keyArn,
    GrantId: g.grantId,
    ...(g.name === undefined ? {} : { Name: g.name }),
    CreationDate: new Date(g.creationDate),
    ...(g.granteeService
      ? { GranteeServicePrincipal: g.granteePrincipal }
      : { GranteePrincipal: g.granteePrincipal }),
    ...(g.retiringPrincipal === undefined ? {} : { RetiringPrincipal: g.retiringPrincipal }),
    IssuingAccount: `arn:aws:iam::${g.issuingAccount}:root`,
    Operations: [...g.operations],
    ...(g.constraints === undefined ? {} : { Constraints: g.constraints }),
  };
}
