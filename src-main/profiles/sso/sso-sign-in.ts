import { KeywardError } from '../../../src-shared/errors';
import type { AwsPlace } from '../../aws/client-config';
import type { ClientFactory } from '../../aws/client-factory';
import { awsErrorCode } from '../../aws/map-aws-error';
import { failure } from '../failure';
import {
  pollToken,
  registerClient,
  startDeviceAuthorization,
  type DeviceAuthorization,
} from './sso-api';
import type { SsoKeychain, SsoRegistration, SsoToken } from './sso-keychain';

/** A registration is reused until a day before it expires. */
const REGISTRATION_MARGIN_MS = 24 * 3600 * 1000;
/** RFC 8628: on slow_down, poll this much less often from then on. */
const SLOW_DOWN_STEP_MS = 5000;

export interface DevicePrompt {
  readonly userCode: string;
  readonly verificationUri: string;
  readonly verificationUriComplete: string;
  readonly expiresAt: string;
}

const cancelled = () => new KeywardError('cancelled', 'Sign-in was cancelled.');

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(cancelled());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The cached registration when it still fits, or a new one (saved in the profile's entry). */
export async function ensureRegistration(
  aws: ClientFactory,
  keychain: SsoKeychain,
  profileId: string,
  place: AwsPlace,
  fresh = false,
): Promise<SsoRegistration> {
  const entry = await keychain.read(profileId);
  const cached = entry.registration;
  if (
    !fresh &&
    cached &&
    cached.region === place.region &&
    cached.issuer === (place.endpoint ?? 'aws') &&
    cached.expiresAt - Date.now() > REGISTRATION_MARGIN_MS
  ) {
    return cached;
  }
  const registration = await registerClient(aws, place);
  await keychain.write(profileId, { ...entry, registration });
  return registration;
}

/** StartDeviceAuthorization; a registration Identity Center no longer knows is replaced once. */
export async function startAuthorization(
  aws: ClientFactory,
  keychain: SsoKeychain,
  profileId: string,
  place: AwsPlace,
  startUrl: string,
): Promise<{ registration: SsoRegistration; device: DeviceAuthorization }> {
  let registration = await ensureRegistration(aws, keychain, profileId, place);
  try {
    return {
      registration,
      device: await startDeviceAuthorization(aws, place, registration, startUrl),
    };
  } catch (error) {
    if (awsErrorCode(error) !== 'InvalidClientException') throw explainStartError(error, startUrl);
  }
  registration = await ensureRegistration(aws, keychain, profileId, place, true);
  try {
    return {
      registration,
      device: await startDeviceAuthorization(aws, place, registration, startUrl),
    };
  } catch (error) {
    throw explainStartError(error, startUrl);
  }
}

function explainStartError(error: unknown, startUrl: string): KeywardError {
  if (awsErrorCode(error) === 'InvalidRequestException') {
    return new KeywardError(
      'validation',
      `IAM Identity Center did not accept the start URL ${startUrl}.`,
      {
        hint: 'Copy the AWS access portal URL from the Identity Center settings (it ends in /start) and check the Identity Center region.',
        aws: {
          code: 'InvalidRequestException',
          service: 'sso-oidc',
          operation: 'StartDeviceAuthorization',
        },
      },
    );
  }
  return failure(error);
}

/** Polls CreateToken at the interval Identity Center asked for until the person decides. */
export async function waitForApproval(
  aws: ClientFactory,
  place: AwsPlace,
  registration: SsoRegistration,
  device: DeviceAuthorization,
  signal: AbortSignal,
): Promise<SsoToken> {
  let intervalMs = device.intervalSeconds * 1000;
  for (;;) {
    await sleep(intervalMs, signal);
    if (Date.now() >= device.expiresAt) throw codeExpired();
    try {
      return await pollToken(aws, place, registration, device.deviceCode, signal);
    } catch (error) {
      if (signal.aborted) throw cancelled();
      switch (awsErrorCode(error)) {
        case 'AuthorizationPendingException':
          continue;
        case 'SlowDownException':
          intervalMs += SLOW_DOWN_STEP_MS;
          continue;
        case 'AccessDeniedException':
          throw new KeywardError('access-denied', 'Access was denied in the browser.', {
            hint: 'Nothing was signed in. Choose Sign in again and click Allow on the AWS page if you meant to.',
            aws: { code: 'AccessDeniedException', service: 'sso-oidc', operation: 'CreateToken' },
          });
        case 'ExpiredTokenException':
          throw codeExpired();
        default:
          throw error;
      }
    }
  }
}

function codeExpired(): KeywardError {
  return new KeywardError('invalid-state', 'The sign-in code expired before access was allowed.', {
    hint: 'Choose Sign in again and approve the new code within 10 minutes.',
  });
}

export function devicePrompt(device: DeviceAuthorization): DevicePrompt {
  return {
    userCode: device.userCode,
    verificationUri: device.verificationUri,
    verificationUriComplete: device.verificationUriComplete,
    expiresAt: new Date(device.expiresAt).toISOString(),
  };
}
