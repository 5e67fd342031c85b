import { IAM_ROLE } from '../identity/model';
import type { RawRequest } from '../protocols/types';
import { issueCredentials } from '../services/sts/issue-credentials';
import { GLOBAL_REGION } from '../state/store-types';
import { toTrailMembers } from '../trail/build-record';
import type { SsoRequestContext } from './context';
import {
  SSO_ASSIGNMENT,
  SSO_SCOPE,
  SSO_TOKEN,
  type SsoAssignmentDoc,
  type SsoTokenDoc,
} from './model';
import { portalError } from './rest-json';
import { identityCenterUser } from './trail-identity';

export const BEARER_HEADER = 'x-amz-sso_bearer_token';

const unauthorized = () =>
  portalError('UnauthorizedException', 'Session token not found or invalid', 401);
const invalid = (message: string) => portalError('InvalidRequestException', message, 400);

/** The bearer token's sign-in; from here on the call's CloudTrail event names the user. */
function signedIn(ctx: SsoRequestContext, request: RawRequest): SsoTokenDoc {
  const token = request.headers[BEARER_HEADER];
  if (!token) throw unauthorized();
  const found = ctx.tx.get(SSO_TOKEN, SSO_SCOPE, token);
  if (!found || found.kind !== 'access' || found.expiresAt <= ctx.now.getTime())
    throw unauthorized();
  ctx.describeEvent({ userIdentity: identityCenterUser(ctx, found) });
  return found;
}

function assignments(ctx: SsoRequestContext, userName: string): readonly SsoAssignmentDoc[] {
  return ctx.tx.list(SSO_ASSIGNMENT, SSO_SCOPE).filter((a) => a.userName === userName);
}

/** `max_result` / `next_token` paging over a list (the token is the next offset). */
function page<T>(items: readonly T[], request: RawRequest): { items: T[]; nextToken?: string } {
  const rawMax = request.query.get('max_result');
  const max = rawMax === null ? 100 : Number(rawMax);
  if (!Number.isInteger(max) || max < 1 || max > 100)
    throw invalid('max_result must be a whole number from 1 to 100');
  const rawToken = request.query.get('next_token');
  const start = rawToken === null ? 0 : Number(Buffer.from(rawToken, 'base64url').toString());
  if (!Number.isInteger(start) || start < 0 || start > items.length)
    throw invalid('Invalid next_token');
  const end = start + max;
  return {
    items: items.slice(start, end),
    ...(end < items.length ? { nextToken: Buffer.from(String(end)).toString('base64url') } : {}),
  };
}

/** GET /federation/credentials?role_name&account_id (the credentials never reach CloudTrail) */
export function getRoleCredentials(ctx: SsoRequestContext, request: RawRequest) {
  const roleName = request.query.get('role_name');
  const accountId = request.query.get('account_id');
  ctx.describeEvent({
    requestParameters: toTrailMembers({
      accountId: accountId ?? undefined,
      roleName: roleName ?? undefined,
    }),
  });
  if (!roleName || !accountId) throw invalid('role_name and account_id are required');
  const token = signedIn(ctx, request);
  const assignment = assignments(ctx, token.userName).find(
    (a) => a.accountId === accountId && a.permissionSet === roleName,
  );
  const role = assignment
    ? ctx.tx.get(
        IAM_ROLE,
        { account: accountId, region: GLOBAL_REGION },
        assignment.roleName.toLowerCase(),
      )
    : undefined;
  if (!assignment || !role) throw portalError('ForbiddenException', 'No access', 403);
  const sessionName = token.userName;
  const { credentials } = issueCredentials(
    ctx.tx,
    {
      kind: 'assumed-role',
      account: accountId,
      arn: `arn:aws:sts::${accountId}:assumed-role/${role.roleName}/${sessionName}`,
      userId: `${role.roleId}:${sessionName}`,
      role: { name: role.roleName, arn: role.arn, id: role.roleId },
      sessionName,
      mfaAuthenticated: false,
    },
    ctx.now,
    assignment.sessionDurationSeconds,
  );
  return {
    roleCredentials: {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      sessionToken: credentials.SessionToken,
      expiration: credentials.Expiration.getTime(),
    },
  };
}

/** GET /assignment/accounts */
export function listAccounts(ctx: SsoRequestContext, request: RawRequest) {
  const token = signedIn(ctx, request);
  const seen = new Map<string, SsoAssignmentDoc>();
  for (const a of assignments(ctx, token.userName))
    if (!seen.has(a.accountId)) seen.set(a.accountId, a);
  const { items, nextToken } = page([...seen.values()], request);
  return {
    accountList: items.map((a) => ({
      accountId: a.accountId,
      accountName: a.accountName,
      emailAddress: a.accountEmail,
    })),
    ...(nextToken === undefined ? {} : { nextToken }),
  };
}

/** GET /assignment/roles?account_id */
export function listAccountRoles(ctx: SsoRequestContext, request: RawRequest) {
  const accountId = request.query.get('account_id');
  ctx.describeEvent({ requestParameters: toTrailMembers({ accountId: accountId ?? undefined }) });
  if (!accountId) throw invalid('account_id is required');
  const token = signedIn(ctx, request);
  const roles = assignments(ctx, token.userName).filter((a) => a.accountId === accountId);
  const { items, nextToken } = page(roles, request);
  return {
    roleList: items.map((a) => ({ roleName: a.permissionSet, accountId: a.accountId })),
    ...(nextToken === undefined ? {} : { nextToken }),
  };
}

/** POST /logout: ends the sign-in (its access and refresh tokens); issued role credentials stay. */
export function logout(ctx: SsoRequestContext, request: RawRequest): undefined {
  const token = signedIn(ctx, request);
  for (const t of ctx.tx.list(SSO_TOKEN, SSO_SCOPE)) {
    if (t.sessionId === token.sessionId || t.expiresAt <= ctx.now.getTime())
      ctx.tx.delete(SSO_TOKEN, SSO_SCOPE, t.token);
  }
  return undefined;
}
