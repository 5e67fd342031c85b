import { createHash, randomBytes } from 'node:crypto';

export const LAUNCH_CODE_TTL_MS = 60_000;

export interface LaunchCodes {
  /** A fresh 256-bit code, good for one exchange within the time to live. */
  mint(): string;
  /** True once per minted code, and only before it expires. */
  redeem(code: string): boolean;
}

/**
 * Codes that the window Keyward opens trades once for the session token. The window's address is
 * on Chromium's command line, which every local user can read in /proc, so it must not carry
 * anything that still works after the window has used it (or a minute after, if it never does).
 */
export function createLaunchCodes(
  options: { ttlMs?: number; now?: () => number } = {},
): LaunchCodes {
  const ttlMs = options.ttlMs ?? LAUNCH_CODE_TTL_MS;
  const now = options.now ?? Date.now;
  // Keyed by digest, so the time a lookup takes says nothing about how close a guess was.
  const expiries = new Map<string, number>();
  const digest = (code: string) => createHash('sha256').update(code).digest('base64url');

  function forgetExpired(): void {
    for (const [key, expiry] of expiries) if (expiry <= now()) expiries.delete(key);
  }

  return {
    mint() {
      forgetExpired();
      const code = randomBytes(32).toString('base64url');
      expiries.set(digest(code), now() + ttlMs);
      return code;
    },
    redeem(code) {
      const key = digest(code);
      const expiry = expiries.get(key);
      expiries.delete(key);
      return expiry !== undefined && expiry > now();
    },
  };
}
