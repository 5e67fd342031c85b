import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { z } from 'zod';
import { KeywardError } from '../../src-shared/errors';
import type { ProfileSummary } from '../../src-shared/models/profile';
import type { ClientFactory } from '../aws/client-factory';
import { mapAwsError } from '../aws/map-aws-error';
import { oneOffPrincipal, type AwsPrincipal } from '../aws/principal';
import type { RoleSession } from './assume-role';
import { checkIdentity } from './identity-check';
import type { ProfileStore, StoredProfile } from './profile-store';
import type { SessionCache } from './session-cache';
import { summarize } from './summarize';

type AccessKeyProfile = Extract<StoredProfile, { kind: 'access-key' }>;

// What STS must answer; anything less is refused rather than half-used.
const sessionTokenAnswer = z.object({
  Credentials: z.object({
    AccessKeyId: z.string().min(16),
    SecretAccessKey: z.string().min(1),
    SessionToken: z.string().min(1),
    Expiration: z.date(),
  }),
});

/**
 * STS GetSessionToken with the user's MFA device and a code from it: temporary credentials that
 * count as MFA-authenticated (aws:MultiFactorAuthPresent) for AWS's default 12 hours (1 hour for
 * root). Called with the long-term access key; AWS refuses it with session credentials.
 */
export async function getMfaSessionToken(
  aws: ClientFactory,
  longTerm: AwsPrincipal,
  region: string,
  mfaSerial: string,
  mfaCode: string,
): Promise<RoleSession> {
  const sts = await aws.client(STSClient, longTerm, region, { maxAttempts: 2 });
  let credentials: RoleSession['credentials'];
  try {
    const answer = sessionTokenAnswer.safeParse(
      await sts.send(new GetSessionTokenCommand({ SerialNumber: mfaSerial, TokenCode: mfaCode })),
    );
    if (!answer.success) {
      throw new KeywardError('internal', 'GetSessionToken answered without complete credentials.');
    }
    const issued = answer.data.Credentials;
    credentials = {
      accessKeyId: issued.AccessKeyId,
      secretAccessKey: issued.SecretAccessKey,
      sessionToken: issued.SessionToken,
      expiration: issued.Expiration,
    };
  } catch (error) {
    const mapped = mapAwsError(error, 'sts', 'GetSessionToken');
    if (mapped.code === 'access-denied') {
      throw new KeywardError('access-denied', mapped.message, {
        aws: mapped.aws,
        hint: 'Check that the MFA device belongs to this access key’s user and enter the current code (wait for a new one if it just changed).',
      });
    }
    throw mapped;
  }
  // Who the session is: the same user, now MFA-authenticated (GetSessionToken names no ARN).
  const session = oneOffPrincipal(
    { ...longTerm.target, credentials },
    { profileId: longTerm.profileId, accountId: longTerm.accountId },
  );
  const identity = await checkIdentity(aws, session, region);
  return { credentials, identity };
}

/**
 * Credentials for an access-key profile with an MFA device: its MFA session while one is alive,
 * else the long-term key (as the AWS CLI uses it). The SDK asks again as a session nears its
 * end, so calls move back to the long-term key when the session is over; the page shows it.
 */
export function preferMfaSession(
  sessions: SessionCache,
  profileId: string,
  longTerm: AwsCredentialIdentity,
): () => Promise<AwsCredentialIdentity> {
  return async () => {
    const session = sessions.get(profileId);
    return session ? { ...session.credentials } : { ...longTerm };
  };
}

/** profiles.startSession for an access-key profile: a GetSessionToken session with MFA. */
export async function startMfaSession(
  deps: { store: ProfileStore; sessions: SessionCache; aws: ClientFactory },
  profile: AccessKeyProfile,
  longTerm: AwsPrincipal,
  mfaCode: string | undefined,
): Promise<ProfileSummary> {
  if (!profile.mfaSerial) {
    throw new KeywardError(
      'invalid-state',
      `“${profile.name}” has no MFA device, so it has no session to start: it uses its access key.`,
      { hint: 'Add the profile again with its MFA device to use MFA sessions.' },
    );
  }
  if (!mfaCode) {
    throw new KeywardError('validation', 'An MFA session needs the code from the MFA device.', {
      fieldErrors: { mfaCode: 'Enter the current code' },
    });
  }
  const at = new Date().toISOString();
  try {
    const session = await getMfaSessionToken(
      deps.aws,
      longTerm,
      profile.defaultRegion,
      profile.mfaSerial,
      mfaCode,
    );
    deps.sessions.set(profile.id, session);
    const updated: StoredProfile = {
      ...profile,
      identity: session.identity,
      lastCheck: { at, ok: true, error: null },
    };
    await deps.store.put(updated);
    return summarize(updated, session);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await deps.store.put({
      ...profile,
      lastCheck: { at, ok: false, error: message.slice(0, 2000) },
    });
    throw error;
  }
}
