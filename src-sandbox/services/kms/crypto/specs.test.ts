import { describe, expect, it } from 'vitest';
import {
  ALL_KEY_SPECS,
  encryptionAlgorithmsFor,
  keyAgreementAlgorithmsFor,
  macAlgorithmsFor,
  maxRsaOaepPlaintextBytes,
  parseKeySpec,
  signingAlgorithmsFor,
  validUsagesFor,
} from './specs';
import { CryptoInputError } from './types';

describe('key spec tables', () => {
  it('lists the usages CreateKey allows', () => {
    expect(validUsagesFor('SYMMETRIC_DEFAULT')).toEqual(['ENCRYPT_DECRYPT']);
    expect(validUsagesFor('HMAC_384')).toEqual(['GENERATE_VERIFY_MAC']);
    expect(validUsagesFor('RSA_3072')).toEqual(['ENCRYPT_DECRYPT', 'SIGN_VERIFY']);
    expect(validUsagesFor('ECC_NIST_P521')).toEqual(['SIGN_VERIFY', 'KEY_AGREEMENT']);
    expect(validUsagesFor('ECC_SECG_P256K1')).toEqual(['SIGN_VERIFY']);
  });

  it('lists algorithms per spec and usage in DescribeKey order', () => {
    expect(encryptionAlgorithmsFor('SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT')).toEqual([
      'SYMMETRIC_DEFAULT',
    ]);
    expect(encryptionAlgorithmsFor('RSA_2048', 'ENCRYPT_DECRYPT')).toEqual([
      'RSAES_OAEP_SHA_1',
      'RSAES_OAEP_SHA_256',
    ]);
    expect(encryptionAlgorithmsFor('RSA_2048', 'SIGN_VERIFY')).toEqual([]);
    expect(signingAlgorithmsFor('RSA_4096', 'SIGN_VERIFY')).toEqual([
      'RSASSA_PKCS1_V1_5_SHA_256',
      'RSASSA_PKCS1_V1_5_SHA_384',
      'RSASSA_PKCS1_V1_5_SHA_512',
      'RSASSA_PSS_SHA_256',
      'RSASSA_PSS_SHA_384',
      'RSASSA_PSS_SHA_512',
    ]);
    expect(signingAlgorithmsFor('ECC_NIST_P384', 'SIGN_VERIFY')).toEqual(['ECDSA_SHA_384']);
    expect(signingAlgorithmsFor('ECC_SECG_P256K1', 'SIGN_VERIFY')).toEqual(['ECDSA_SHA_256']);
    expect(signingAlgorithmsFor('ECC_NIST_P256', 'KEY_AGREEMENT')).toEqual([]);
    expect(macAlgorithmsFor('HMAC_224', 'GENERATE_VERIFY_MAC')).toEqual(['HMAC_SHA_224']);
    expect(keyAgreementAlgorithmsFor('ECC_NIST_P256', 'KEY_AGREEMENT')).toEqual(['ECDH']);
    expect(keyAgreementAlgorithmsFor('ECC_SECG_P256K1', 'KEY_AGREEMENT')).toEqual([]);
  });

  it('knows the RSA-OAEP plaintext limits', () => {
    expect(maxRsaOaepPlaintextBytes('RSA_2048', 'RSAES_OAEP_SHA_1')).toBe(214);
    expect(maxRsaOaepPlaintextBytes('RSA_2048', 'RSAES_OAEP_SHA_256')).toBe(190);
    expect(maxRsaOaepPlaintextBytes('RSA_3072', 'RSAES_OAEP_SHA_1')).toBe(342);
    expect(maxRsaOaepPlaintextBytes('RSA_3072', 'RSAES_OAEP_SHA_256')).toBe(318);
    expect(maxRsaOaepPlaintextBytes('RSA_4096', 'RSAES_OAEP_SHA_1')).toBe(470);
    expect(maxRsaOaepPlaintextBytes('RSA_4096', 'RSAES_OAEP_SHA_256')).toBe(446);
    expect(maxRsaOaepPlaintextBytes('SYMMETRIC_DEFAULT', 'RSAES_OAEP_SHA_1')).toBe(0);
  });

  it('parses supported specs and rejects the others as UnsupportedOperationException', () => {
    for (const spec of ALL_KEY_SPECS) expect(parseKeySpec(spec)).toBe(spec);
    for (const spec of ['SM2', 'ML_DSA_65', 'ECC_NIST_EDWARDS25519']) {
      expect(() => parseKeySpec(spec)).toThrow(CryptoInputError);
      try {
        parseKeySpec(spec);
      } catch (e) {
        expect((e as CryptoInputError).awsCode).toBe('UnsupportedOperationException');
      }
    }
  });
});
