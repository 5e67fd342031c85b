import { GetRoleCredentialsCommand, LogoutCommand, SSOClient } from '@aws-sdk/client-sso';
import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { KeywardError } from '../../../src-shared/errors';
import type { AwsPlace } from '../../aws/client-config';
import type { ClientFactory } from '../../aws/client-factory';
import { awsErrorCode } from '../../aws/map-aws-error';
import type { SsoRegistration, SsoToken } from './sso-keychain';

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** Asking for this scope gets a refresh token, as the AWS CLI's sso-session profiles do. */
const SCOPES = ['sso:account:access'];
const CLIENT_NAME = 'keyward';

/** Identity Center's OIDC API signs nothing: the factory's client for the place, no profile. */
const oidc = (aws: ClientFactory, place: AwsPlace, maxAttempts = 3) =>
  aws.anonymousClient(SSOOIDCClient, place, { maxAttempts });

export async function registerClient(
  aws: ClientFactory,
  place: AwsPlace,
  now = Date.now(),
): Promise<SsoRegistration> {
  const client = await oidc(aws, place);
  const out = await client.send(
    new RegisterClientCommand({ clientName: CLIENT_NAME, clientType: 'public', scopes: SCOPES }),
  );
  if (!out.clientId || !out.clientSecret)
    throw new KeywardError('internal', 'RegisterClient answered without a client.');
  return {
    clientId: out.clientId,
    clientSecret: out.clientSecret,
    expiresAt: out.clientSecretExpiresAt ? out.clientSecretExpiresAt * 1000 : now + 86_400_000,
    region: place.region,
    issuer: place.endpoint ?? 'aws',
  };
}

export interface DeviceAuthorization {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly verificationUri: string;
  readonly verificationUriComplete: string;
  /** epoch ms */
  readonly expiresAt: number;
  readonly intervalSeconds: number;
}

export async function startDeviceAuthorization(
  aws: ClientFactory,
  place: AwsPlace,
  registration: SsoRegistration,
  startUrl: string,
  now = Date.now(),
): Promise<DeviceAuthorization> {
  const client = await oidc(aws, place);
  const out = await client.send(
    new StartDeviceAuthorizationCommand({
      clientId: registration.clientId,
      clientSecret: registration.clientSecret,
      startUrl,
    }),
  );
  if (!out.deviceCode || !out.userCode || !out.verificationUri)
    throw new KeywardError('internal', 'StartDeviceAuthorization answered without a code.');
  return {
    deviceCode: out.deviceCode,
    userCode: out.userCode,
    verificationUri: out.verificationUri,
    verificationUriComplete: out.verificationUriComplete ?? out.verificationUri,
    expiresAt: now + (out.expiresIn ?? 600) * 1000,
    intervalSeconds: out.interval ?? 5,
  };
}

function toToken(
  out: { accessToken?: string; refreshToken?: string; expiresIn?: number },
  previousRefresh: string | undefined,
  now: number,
): SsoToken {
  if (!out.accessToken) throw new KeywardError('internal', 'CreateToken answered without a token.');
  const refreshToken = out.refreshToken ?? previousRefresh;
  return {
    accessToken: out.accessToken,
    ...(refreshToken ? { refreshToken } : {}),
    expiresAt: now + (out.expiresIn ?? 3600) * 1000,
  };
}

/** One CreateToken poll with the device code; the SDK's error names say pending/slow_down/… */
export async function pollToken(
  aws: ClientFactory,
  place: AwsPlace,
  registration: SsoRegistration,
  deviceCode: string,
  signal: AbortSignal,
): Promise<SsoToken> {
  const client = await oidc(aws, place, 1);
  const out = await client.send(
    new CreateTokenCommand({
      clientId: registration.clientId,
      clientSecret: registration.clientSecret,
      grantType: DEVICE_CODE_GRANT,
      deviceCode,
    }),
    { abortSignal: signal },
  );
  return toToken(out, undefined, Date.now());
}

const signInAgain = (message: string) =>
  new KeywardError('credentials-invalid', message, {
    hint: 'Sign in again from the Profiles page (Sign in), and allow access in the browser.',
  });

/** A new access token from the refresh token (which rotates). */
export async function refreshToken(
  aws: ClientFactory,
  place: AwsPlace,
  registration: SsoRegistration,
  token: SsoToken,
): Promise<SsoToken> {
  if (!token.refreshToken) throw signInAgain('The IAM Identity Center sign-in has expired.');
  const client = await oidc(aws, place);
  try {
    const out = await client.send(
      new CreateTokenCommand({
        clientId: registration.clientId,
        clientSecret: registration.clientSecret,
        grantType: 'refresh_token',
        refreshToken: token.refreshToken,
      }),
    );
    return toToken(out, token.refreshToken, Date.now());
  } catch (error) {
    const name = awsErrorCode(error);
    if (
      name === 'InvalidGrantException' ||
      name === 'ExpiredTokenException' ||
      name === 'InvalidClientException'
    ) {
      throw signInAgain('The IAM Identity Center sign-in has expired or was ended.');
    }
    throw error;
  }
}

export interface RoleCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
}

/** GetRoleCredentials for the profile's account and permission set, as the AWS CLI does. */
export async function getRoleCredentials(
  aws: ClientFactory,
  place: AwsPlace,
  accessToken: string,
  accountId: string,
  roleName: string,
): Promise<RoleCredentials> {
  const client = await aws.anonymousClient(SSOClient, place, { maxAttempts: 3 });
  try {
    const out = await client.send(
      new GetRoleCredentialsCommand({ accessToken, accountId, roleName }),
    );
    const c = out.roleCredentials;
    if (!c?.accessKeyId || !c.secretAccessKey || !c.sessionToken || !c.expiration)
      throw new KeywardError('internal', 'GetRoleCredentials answered without credentials.');
    return {
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      sessionToken: c.sessionToken,
      expiration: new Date(c.expiration),
    };
  } catch (error) {
    const name = awsErrorCode(error);
    if (name === 'UnauthorizedException')
      throw signInAgain('The IAM Identity Center sign-in has expired or was ended.');
    if (name === 'ForbiddenException') {
      throw new KeywardError(
        'access-denied',
        `Your IAM Identity Center user has no permission set “${roleName}” in account ${accountId}.`,
        {
          hint: 'Check the account id and the role name (the permission set’s name) in the AWS access portal, then edit or re-add the profile.',
          aws: { code: 'ForbiddenException', service: 'sso', operation: 'GetRoleCredentials' },
        },
      );
    }
    throw error;
  }
}

/** Ends the sign-in on the Identity Center side (the tokens stop working). */
export async function logout(
  aws: ClientFactory,
  place: AwsPlace,
  accessToken: string,
): Promise<void> {
  const client = await aws.anonymousClient(SSOClient, place, { maxAttempts: 3 });
  try {
    await client.send(new LogoutCommand({ accessToken }));
  } catch (error) {
    // An already-ended sign-in is what we want.
    if (awsErrorCode(error) !== 'UnauthorizedException') throw error;
  }
}
