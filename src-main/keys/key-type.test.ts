import { describe, expect, it } from 'vitest';
import { asksRotationStatus, keyTypeOf, rotationModeOf } from './key-type';

describe('key type and rotation mode', () => {
  it('names the family of every key spec', () => {
    expect(keyTypeOf('SYMMETRIC_DEFAULT')).toBe('symmetric');
    expect(keyTypeOf('RSA_4096')).toBe('rsa');
    expect(keyTypeOf('ECC_NIST_EDWARDS25519')).toBe('ecc');
    expect(keyTypeOf('HMAC_512')).toBe('hmac');
    expect(keyTypeOf('SM2')).toBe('sm2');
    expect(keyTypeOf('ML_DSA_65')).toBe('ml-dsa');
  });

  it('asks GetKeyRotationStatus only where AWS answers it for a customer key', () => {
    const base = {
      keySpec: 'SYMMETRIC_DEFAULT',
      manager: 'customer',
      origin: 'AWS_KMS',
      multiRegionRole: 'none',
    } as const;
    const cases = [
      [base, 'automatic', true],
      [{ ...base, multiRegionRole: 'replica' }, 'replica', true],
      [{ ...base, manager: 'aws' }, 'aws-managed', false],
      [{ ...base, origin: 'EXTERNAL' }, 'on-demand-only', false],
      [{ ...base, origin: 'EXTERNAL', multiRegionRole: 'primary' }, 'manual-only', false],
      [{ ...base, keySpec: 'RSA_2048' }, 'manual-only', false],
      [{ ...base, keySpec: 'HMAC_256' }, 'manual-only', false],
      [{ ...base, origin: 'AWS_CLOUDHSM' }, 'manual-only', false],
    ] as const;
    for (const [facts, mode, asks] of cases) {
      expect(rotationModeOf(facts)).toBe(mode);
      expect(asksRotationStatus(rotationModeOf(facts))).toBe(asks);
    }
  });
});
