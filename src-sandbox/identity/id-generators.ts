import { randomBytes, randomInt, randomUUID } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomChars(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/**
 * Access key ids look like AWS's (`AKIA`/`ASIA` + 16 of `[A-Z2-7]`, 20 in all) and are marked as
 * sandbox keys: the 16 characters start with `SANDBOX`, e.g. `AKIASANDBOXQ4NV7WJ2K`.
 */
export function newAccessKeyId(kind: 'long-term' | 'temporary'): string {
  return `${kind === 'long-term' ? 'AKIA' : 'ASIA'}SANDBOX${randomChars(BASE32, 9)}`;
}

/** 40 characters of base64 alphabet, like AWS secrets. */
export function newSecretAccessKey(): string {
  return randomBytes(30).toString('base64').slice(0, 40);
}

/** Opaque session token in the style of modern regional STS tokens. */
export function newSessionToken(): string {
  return `IQoJb3JpZ2luX2VjSANDBOX${randomBytes(96).toString('base64')}`;
}

/** `AIDA…` (user), `AROA…` (role), `AGPA…` (group): prefix + 17 uppercase alphanumerics. */
export function newUniqueId(prefix: 'AIDA' | 'AROA' | 'AGPA' | 'ANPA'): string {
  return prefix + randomChars(ALNUM, 17);
}

export function newRequestId(): string {
  return randomUUID();
}
