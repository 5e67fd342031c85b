import type { Caller } from '../../identity/caller';
import { newAccessKeyId, newSecretAccessKey, newSessionToken } from '../../identity/id-generators';
import { STS_SESSION } from '../../identity/model';
import { GLOBAL_REGION, type StoreTransaction } from '../../state/store-types';

export interface IssuedCredentials {
  readonly AccessKeyId: string;
  readonly SecretAccessKey: string;
  readonly SessionToken: string;
  readonly Expiration: Date;
}

/**
 * Stores a new temporary credential (ASIA…) for `caller` (whose accessKeyId, temporary and
 * sessionIssuedAt are filled in here); the auth layer accepts it until `expiresAt`.
 */
export function issueCredentials(
  store: StoreTransaction,
  caller: Omit<Caller, 'accessKeyId' | 'temporary' | 'sessionIssuedAt'>,
  now: Date,
  durationSeconds: number,
): { credentials: IssuedCredentials; caller: Caller } {
  const accessKeyId = newAccessKeyId('temporary');
  const secretAccessKey = newSecretAccessKey();
  const sessionToken = newSessionToken();
  const expiresAt = now.getTime() + durationSeconds * 1000;
  const issuedAt = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const full: Caller = { ...caller, accessKeyId, temporary: true, sessionIssuedAt: issuedAt };
  const scope = { account: caller.account, region: GLOBAL_REGION };
  // Forget this account's expired sessions while we are here.
  for (const old of store.list(STS_SESSION, scope)) {
    if (old.expiresAt <= now.getTime()) store.delete(STS_SESSION, scope, old.accessKeyId);
  }
  store.put(STS_SESSION, scope, accessKeyId, {
    accessKeyId,
    secretAccessKey,
    sessionToken,
    expiresAt,
    caller: full,
  });
  return {
    credentials: {
      AccessKeyId: accessKeyId,
      SecretAccessKey: secretAccessKey,
      SessionToken: sessionToken,
      Expiration: new Date(expiresAt),
    },
    caller: full,
  };
}

/** CloudTrail shows issued credentials without the secret or the token. */
export function credentialsForTrail(c: IssuedCredentials): Record<string, string> {
  return {
    accessKeyId: c.AccessKeyId,
    expiration: c.Expiration.toUTCString(),
  };
}
