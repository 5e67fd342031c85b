import type { KeyType, RotationMode } from '../../src-shared/models/kms-key';

/** The family of a KeySpec (aws-behaviour.md §2.3). */
export function keyTypeOf(keySpec: string): KeyType {
  if (keySpec.startsWith('RSA_')) return 'rsa';
  if (keySpec.startsWith('ECC_')) return 'ecc';
  if (keySpec.startsWith('HMAC_')) return 'hmac';
  if (keySpec === 'SM2') return 'sm2';
  if (keySpec.startsWith('ML_DSA_')) return 'ml-dsa';
  return 'symmetric';
}

export interface RotationFacts {
  readonly keySpec: string;
  readonly manager: 'aws' | 'customer';
  readonly origin: string;
  readonly multiRegionRole: 'none' | 'primary' | 'replica';
}

/** How a key can be rotated (aws-behaviour.md §2.5.4 and §2.8). */
export function rotationModeOf(facts: RotationFacts): RotationMode {
  if (facts.manager === 'aws') return 'aws-managed';
  if (keyTypeOf(facts.keySpec) !== 'symmetric') return 'manual-only';
  if (facts.origin === 'EXTERNAL')
    return facts.multiRegionRole === 'none' ? 'on-demand-only' : 'manual-only';
  if (facts.origin !== 'AWS_KMS') return 'manual-only';
  return facts.multiRegionRole === 'replica' ? 'replica' : 'automatic';
}

/**
 * Whether GetKeyRotationStatus answers for the key: AWS refuses it (UnsupportedOperation) for
 * asymmetric, HMAC, custom-key-store and imported-material keys; AWS managed keys always read
 * enabled every 365 days, so the call is not made for them either.
 */
export function asksRotationStatus(mode: RotationMode): boolean {
  return mode === 'automatic' || mode === 'replica';
}
