import { createHmac, timingSafeEqual } from 'node:crypto';
import { secretBytes } from './material';
import { macAlgorithmsFor } from './specs';
import { CryptoInputError, type SerializedMaterial } from './types';

function hashFor(material: SerializedMaterial, algorithm: string): string {
  if (
    material.kind !== 'hmac' ||
    !macAlgorithmsFor(material.keySpec, 'GENERATE_VERIFY_MAC').includes(algorithm)
  ) {
    throw new CryptoInputError(
      'InvalidKeyUsageException',
      `MAC algorithm ${algorithm} is not supported for a key with KeySpec ${material.keySpec}.`,
    );
  }
  return `sha${algorithm.slice('HMAC_SHA_'.length)}`;
}

/** HMAC of `message` (HMAC_SHA_224/256/384/512, matching the key spec). */
export function generateMac(
  material: SerializedMaterial,
  algorithm: string,
  message: Buffer,
): Buffer {
  return createHmac(hashFor(material, algorithm), secretBytes(material)).update(message).digest();
}

/** Constant-time comparison of `mac` with the HMAC of `message`. */
export function verifyMac(
  material: SerializedMaterial,
  algorithm: string,
  message: Buffer,
  mac: Buffer,
): boolean {
  const expected = generateMac(material, algorithm, message);
  return mac.length === expected.length && timingSafeEqual(mac, expected);
}
