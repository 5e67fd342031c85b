import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SsoRequestContext } from './context';
import {
  SSO_CLIENT,
  SSO_DEVICE_AUTH,
  SSO_INSTANCE,
  SSO_SCOPE,
  SSO_TOKEN,
  type SsoClientDoc,
  type SsoDeviceAuthDoc,
  type SsoTokenDoc,
} from './model';
import { oidcError } from './rest-json';
import { HIDDEN, identityCenterUser, identityStoreResource } from './trail-identity';

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
export const REFRESH_TOKEN_GRANT = 'refresh_token';
/** Scope that makes CreateToken issue a refresh token (the AWS CLI's sso-session flow). */
export const ACCOUNT_ACCESS_SCOPE = 'sso:account:access';

const CLIENT_LIFETIME_S = 90 * 24 * 3600;
const DEVICE_CODE_LIFETIME_S = 600;
const POLL_INTERVAL_S = 1;
const ACCESS_TOKEN_LIFETIME_S = 8 * 3600;
const REFRESH_TOKEN_LIFETIME_S = 90 * 24 * 3600;
/** No 0/O/1/I: easy to read out and type. */
const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';

const registerInput = z.object({
  clientName: z.string().min(1).max(256),
  clientType: z.string(),
  scopes: z.array(z.string().max(256)).max(25).optional(),
});
const deviceInput = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  startUrl: z.string().min(1),
});
const tokenInput = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  grantType: z.string().min(1),
  deviceCode: z.string().optional(),
  refreshToken: z.string().optional(),
  code: z.string().optional(),
  scope: z.array(z.string()).optional(),
});

function parse<T>(schema: z.ZodType<T>, body: Record<string, unknown>): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw oidcError(
    'InvalidRequestException',
    'invalid_request',
    `Invalid request: ${issue?.path.join('.') || 'body'} ${issue?.message ?? 'is invalid'}.`,
  );
}

const epochSeconds = (d: Date): number => Math.floor(d.getTime() / 1000);

/** POST /client/register */
export function registerClient(ctx: SsoRequestContext, body: Record<string, unknown>) {
  const input = parse(registerInput, body);
  if (input.clientType !== 'public') {
    throw oidcError(
      'InvalidClientMetadataException',
      'invalid_client_metadata',
      `Invalid client type: ${input.clientType}. Only public clients are supported.`,
    );
  }
  const issuedAt = epochSeconds(ctx.now);
  const client: SsoClientDoc = {
    clientId: `kwsbx${randomBytes(16).toString('base64url')}`,
    clientSecret: `eyJraWQiOiJrZXktc2FuZGJveCJ9.${randomBytes(48).toString('base64url')}`,
    clientName: input.clientName,
    scopes: input.scopes ?? [],
    issuedAt,
    expiresAt: issuedAt + CLIENT_LIFETIME_S,
  };
  ctx.tx.put(SSO_CLIENT, SSO_SCOPE, client.clientId, client);
  return {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    clientIdIssuedAt: client.issuedAt,
    clientSecretExpiresAt: client.expiresAt,
  };
}

function authenticateClient(
  ctx: SsoRequestContext,
  clientId: string,
  clientSecret: string,
): SsoClientDoc {
  const client = ctx.tx.get(SSO_CLIENT, SSO_SCOPE, clientId);
  if (!client || client.clientSecret !== clientSecret) {
    throw oidcError('InvalidClientException', 'invalid_client', 'Invalid client provided', 401);
  }
  if (client.expiresAt <= epochSeconds(ctx.now)) {
    throw oidcError('InvalidClientException', 'invalid_client', 'Client secret has expired', 401);
  }
  return client;
}

function newUserCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** POST /device_authorization */
export function startDeviceAuthorization(ctx: SsoRequestContext, body: Record<string, unknown>) {
  const input = parse(deviceInput, body);
  authenticateClient(ctx, input.clientId, input.clientSecret);
  if (!ctx.tx.get(SSO_INSTANCE, SSO_SCOPE, input.startUrl)) {
    throw oidcError(
      'InvalidRequestException',
      'invalid_request',
      `No IAM Identity Center instance has the start URL ${input.startUrl}.`,
    );
  }
  // Forget finished or expired authorizations while we are here.
  for (const old of ctx.tx.list(SSO_DEVICE_AUTH, SSO_SCOPE)) {
    if (old.expiresAt <= ctx.now.getTime() || old.status === 'used')
      ctx.tx.delete(SSO_DEVICE_AUTH, SSO_SCOPE, old.deviceCode);
  }
  const auth: SsoDeviceAuthDoc = {
    deviceCode: randomBytes(48).toString('base64url'),
    userCode: newUserCode(),
    clientId: input.clientId,
    startUrl: input.startUrl,
    expiresAt: ctx.now.getTime() + DEVICE_CODE_LIFETIME_S * 1000,
    intervalSeconds: POLL_INTERVAL_S,
    lastPollAt: null,
    status: 'pending',
    userName: null,
  };
  ctx.tx.put(SSO_DEVICE_AUTH, SSO_SCOPE, auth.deviceCode, auth);
  const verificationUri = `${ctx.origin}/sso/device`;
  return {
    deviceCode: auth.deviceCode,
    userCode: auth.userCode,
    verificationUri,
    verificationUriComplete: `${verificationUri}?user_code=${encodeURIComponent(auth.userCode)}`,
    expiresIn: DEVICE_CODE_LIFETIME_S,
    interval: POLL_INTERVAL_S,
  };
}

function issueTokens(
  ctx: SsoRequestContext,
  client: SsoClientDoc,
  grant: { userName: string; startUrl: string; sessionId: string },
) {
  const base = {
    clientId: client.clientId,
    userName: grant.userName,
    startUrl: grant.startUrl,
    scopes: client.scopes,
    sessionId: grant.sessionId,
  };
  const access: SsoTokenDoc = {
    ...base,
    token: `aoa${randomBytes(48).toString('base64url')}`,
    kind: 'access',
    expiresAt: ctx.now.getTime() + ACCESS_TOKEN_LIFETIME_S * 1000,
  };
  ctx.tx.put(SSO_TOKEN, SSO_SCOPE, access.token, access);
  let refreshToken: string | undefined;
  if (client.scopes.includes(ACCOUNT_ACCESS_SCOPE)) {
    const refresh: SsoTokenDoc = {
      ...base,
      token: `aor${randomBytes(48).toString('base64url')}`,
      kind: 'refresh',
      expiresAt: ctx.now.getTime() + REFRESH_TOKEN_LIFETIME_S * 1000,
    };
    ctx.tx.put(SSO_TOKEN, SSO_SCOPE, refresh.token, refresh);
    refreshToken = refresh.token;
  }
  ctx.describeEvent({
    userIdentity: identityCenterUser(ctx, grant),
    responseElements: {
      accessToken: HIDDEN,
      tokenType: 'Bearer',
      expiresIn: ACCESS_TOKEN_LIFETIME_S,
      ...(refreshToken === undefined ? {} : { refreshToken: HIDDEN }),
    },
    resources: identityStoreResource(ctx.instance),
  });
  return {
    accessToken: access.token,
    tokenType: 'Bearer',
    expiresIn: ACCESS_TOKEN_LIFETIME_S,
    ...(refreshToken === undefined ? {} : { refreshToken }),
  };
}

function deviceCodeGrant(ctx: SsoRequestContext, client: SsoClientDoc, deviceCode: string) {
  const auth = ctx.tx.get(SSO_DEVICE_AUTH, SSO_SCOPE, deviceCode);
  if (!auth || auth.clientId !== client.clientId || auth.status === 'used') {
    throw oidcError('InvalidGrantException', 'invalid_grant', 'Invalid grant provided');
  }
  const now = ctx.now.getTime();
  if (auth.expiresAt <= now) {
    throw oidcError('ExpiredTokenException', 'expired_token', 'Device code has expired');
  }
  if (auth.status === 'denied') {
    throw oidcError('AccessDeniedException', 'access_denied', 'The user denied the request');
  }
  if (auth.status === 'pending') {
    const tooSoon = auth.lastPollAt !== null && now - auth.lastPollAt < auth.intervalSeconds * 1000;
    ctx.tx.put(SSO_DEVICE_AUTH, SSO_SCOPE, deviceCode, { ...auth, lastPollAt: now });
    // The poll time must be kept even though the request fails: commit happens in the caller.
    if (tooSoon) throw oidcError('SlowDownException', 'slow_down', 'Client is polling too fast');
    throw oidcError(
      'AuthorizationPendingException',
      'authorization_pending',
      'Authorization is still pending',
    );
  }
  ctx.tx.put(SSO_DEVICE_AUTH, SSO_SCOPE, deviceCode, { ...auth, status: 'used' });
  return issueTokens(ctx, client, {
    userName: auth.userName ?? '',
    startUrl: auth.startUrl,
    sessionId: randomUUID(),
  });
}

function refreshTokenGrant(ctx: SsoRequestContext, client: SsoClientDoc, refreshToken: string) {
  const found = ctx.tx.get(SSO_TOKEN, SSO_SCOPE, refreshToken);
  if (!found || found.kind !== 'refresh' || found.clientId !== client.clientId) {
    throw oidcError('InvalidGrantException', 'invalid_grant', 'Invalid refresh token provided');
  }
  if (found.expiresAt <= ctx.now.getTime()) {
    throw oidcError('ExpiredTokenException', 'expired_token', 'Refresh token has expired');
  }
  // Refresh tokens rotate: the old one is spent.
  ctx.tx.delete(SSO_TOKEN, SSO_SCOPE, refreshToken);
  return issueTokens(ctx, client, found);
}

/** POST /token (a CloudTrail `CreateToken` event, secrets hidden, whether it succeeds or not). */
export function createToken(ctx: SsoRequestContext, body: Record<string, unknown>) {
  const input = parse(tokenInput, body);
  ctx.describeEvent({
    requestParameters: {
      clientId: input.clientId,
      clientSecret: HIDDEN,
      grantType: input.grantType,
      ...(input.deviceCode === undefined ? {} : { deviceCode: HIDDEN }),
      ...(input.refreshToken === undefined ? {} : { refreshToken: HIDDEN }),
      ...(input.code === undefined ? {} : { code: HIDDEN }),
      ...(input.scope === undefined ? {} : { scope: input.scope }),
    },
  });
  const client = authenticateClient(ctx, input.clientId, input.clientSecret);
  if (input.grantType === DEVICE_CODE_GRANT) {
    if (!input.deviceCode)
      throw oidcError('InvalidRequestException', 'invalid_request', 'deviceCode is required');
    return deviceCodeGrant(ctx, client, input.deviceCode);
  }
  if (input.grantType === REFRESH_TOKEN_GRANT) {
    if (!input.refreshToken)
      throw oidcError('InvalidRequestException', 'invalid_request', 'refreshToken is required');
    return refreshTokenGrant(ctx, client, input.refreshToken);
  }
  throw oidcError(
    'UnsupportedGrantTypeException',
    'unsupported_grant_type',
    `Unsupported grant type: ${input.grantType}`,
  );
}

/** The verification page's decision on a pending user code. */
export function decideDeviceAuthorization(
  ctx: Pick<SsoRequestContext, 'tx' | 'now'>,
  userCode: string,
  decision: 'allow' | 'deny',
  userName: string,
): SsoDeviceAuthDoc | undefined {
  const auth = findPendingByUserCode(ctx, userCode);
  if (!auth) return undefined;
  const decided: SsoDeviceAuthDoc = {
    ...auth,
    status: decision === 'allow' ? 'approved' : 'denied',
    userName,
  };
  ctx.tx.put(SSO_DEVICE_AUTH, SSO_SCOPE, auth.deviceCode, decided);
  return decided;
}

export function findPendingByUserCode(
  ctx: Pick<SsoRequestContext, 'tx' | 'now'>,
  userCode: string,
): SsoDeviceAuthDoc | undefined {
  const wanted = userCode.trim().toUpperCase();
  return ctx.tx
    .list(SSO_DEVICE_AUTH, SSO_SCOPE)
    .find(
      (a) => a.userCode === wanted && a.status === 'pending' && a.expiresAt > ctx.now.getTime(),
    );
}

export function clientName(ctx: Pick<SsoRequestContext, 'tx'>, clientId: string): string {
  return ctx.tx.get(SSO_CLIENT, SSO_SCOPE, clientId)?.clientName ?? 'an application';
}
