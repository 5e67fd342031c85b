import type { AwsCredentialIdentity } from '@aws-sdk/types';
import type { ProfileSummary } from '../../src-shared/models/profile';
import type { SecretStore } from '../credentials/secret-store';
import type { RoleSession } from './assume-role';
import type { ProfileStore, StoredProfile } from './profile-store';
import type { SessionCache } from './session-cache';

/** What adding and editing profiles need from the profile service. */
export interface ProfileKit {
  readonly store: ProfileStore;
  readonly secrets: SecretStore;
  readonly sessions: SessionCache;
  stored(id: string): Promise<StoredProfile>;
  ensureNewName(name: string): Promise<void>;
  sandboxEndpoint(): Promise<string>;
  accessKeyCredentials(
    profile: Extract<StoredProfile, { kind: 'access-key' }>,
  ): Promise<AwsCredentialIdentity>;
  startRoleSession(
    profile: Extract<StoredProfile, { kind: 'assume-role' }>,
    mfaCode: string | undefined,
  ): Promise<RoleSession>;
  /** What the page may know of a saved profile, with its session and sign-in state. */
  summarize(profile: StoredProfile): Promise<ProfileSummary>;
  /** Drops an SSO profile's token and session (it must sign in again). */
  forgetSignIn(id: string): Promise<void>;
}
