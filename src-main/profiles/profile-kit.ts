import type { ProfileSummary } from '../../src-shared/models/profile';
import type { ClientFactory } from '../aws/client-factory';
import type { SecretStore } from '../credentials/secret-store';
import type { CredentialResolver } from './credential-resolver';
import type { ProfileStore, StoredProfile } from './profile-store';
import type { SessionCache } from './session-cache';

/** What adding and editing profiles work with. */
export interface ProfileKit {
  readonly store: ProfileStore;
  readonly secrets: SecretStore;
  readonly sessions: SessionCache;
  readonly aws: ClientFactory;
  readonly resolver: CredentialResolver;
  ensureNewName(name: string): Promise<void>;
  /** What the page may know of a saved profile, with its session and sign-in state. */
  summarize(profile: StoredProfile): Promise<ProfileSummary>;
  /** Drops an SSO profile's token and session (it must sign in again). */
  forgetSignIn(id: string): Promise<void>;
}
