import type { RoleSession } from './assume-role';

/** Renew this long before AWS says a session ends. */
export const RENEW_BEFORE_MS = 5 * 60 * 1000;

/** Temporary credentials, in main-process memory only: never written, never sent to the page. */
export function createSessionCache(now: () => number = Date.now) {
  const sessions = new Map<string, RoleSession>();
  return {
    get(profileId: string): RoleSession | undefined {
      const session = sessions.get(profileId);
      if (!session) return undefined;
      if (session.credentials.expiration.getTime() - now() <= RENEW_BEFORE_MS) {
        sessions.delete(profileId);
        return undefined;
      }
      return session;
    },
    set(profileId: string, session: RoleSession): void {
      sessions.set(profileId, session);
    },
    delete(profileId: string): void {
      sessions.delete(profileId);
    },
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;
