import { randomBytes } from 'node:crypto';
import type { StoreReader } from '../../state/store-types';
import { kmsError } from './errors';
import { KMS_GRANT } from './model';

const PREFIX = 'AQpA';

/** A fresh token for a grant (every token of a grant is interchangeable — reference §2.5.6). */
export function newGrantToken(grantId: string): string {
  const body = Buffer.concat([Buffer.from(grantId, 'hex'), randomBytes(32)]);
  return PREFIX + body.toString('base64url');
}

/** The grant id inside a token, or undefined for anything that is not one of our tokens. */
export function grantIdOfToken(token: string): string | undefined {
  if (!token.startsWith(PREFIX)) return undefined;
  const body = Buffer.from(token.slice(PREFIX.length), 'base64url');
  return body.length === 64 ? body.subarray(0, 32).toString('hex') : undefined;
}

const invalidToken = () => kmsError('InvalidGrantTokenException', 'The grant token is not valid.');

/**
 * Validates `GrantTokens` (0–10 tokens, each 1–8192 chars): every token must be one we issued
 * for a grant that still exists; throws InvalidGrantTokenException otherwise. Grants take effect
 * immediately in the sandbox, so valid tokens change nothing else.
 */
export function checkGrantTokens(store: StoreReader, tokens: readonly string[] | undefined): void {
  for (const token of tokens ?? []) {
    const grantId = grantIdOfToken(token);
    if (grantId === undefined || !store.findById(KMS_GRANT, grantId)) throw invalidToken();
  }
}
