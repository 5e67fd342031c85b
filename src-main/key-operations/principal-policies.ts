// The IAM half of a key's effective access: the identity policies (inline, attached managed and,
// for users, their groups') of the users and roles the key policy names (and, when it trusts the
// account root, of the account's first roles and users), each read on its own so one refusal
// does not hide the rest.
import { IAMClient, paginateListRoles, paginateListUsers } from '@aws-sdk/client-iam';
import { z } from 'zod';
import type { SerializedError } from '../../src-shared/errors';
import {
  ACCOUNT_PRINCIPALS_CAP,
  type PrincipalPolicies,
  type PrincipalPoliciesEntry,
} from '../../src-shared/models/principal-policies';
import { toSerializedError } from '../operations/to-serialized-error';
import { parseAws } from './aws-shapes';
import { type ManagedPolicyCache, readIdentityPolicies } from './identity-policy-reader';
import type { KeyContext } from './key-context';

/** IAM is global; its calls are signed for us-east-1 (reference §1.1). */
const IAM_REGION = 'us-east-1';

export interface PrincipalPoliciesRequest {
  readonly profileId: string;
  /** ARNs the key policy names; other accounts' and non-IAM ones are skipped. */
  readonly principals: readonly string[];
  /** List the account's roles and users too (the key policy trusts the account root). */
  readonly includeAccount: boolean;
}

const IAM_ARN = /^arn:[^:]+:iam::(\d{12}):(user|role)\/(?:.*\/)?([^/]+)$/;
const SESSION_ARN = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/;

interface Target {
  readonly arn: string;
  readonly kind: 'user' | 'role';
  readonly name: string;
  readonly source: PrincipalPoliciesEntry['source'];
}

/** A user or role of `account` named by `arn` (a session stands for its role), else undefined. */
export function targetOf(arn: string, account: string): Target | undefined {
  const iam = IAM_ARN.exec(arn);
  if (iam?.[1] === account && iam[3] !== undefined) {
    return { arn, kind: iam[2] === 'user' ? 'user' : 'role', name: iam[3], source: 'key-policy' };
  }
  const session = SESSION_ARN.exec(arn);
  if (session?.[2] === account && session[3] !== undefined) {
    const roleArn = `arn:${session[1]}:iam::${account}:role/${session[3]}`;
    return { arn: roleArn, kind: 'role', name: session[3], source: 'key-policy' };
  }
  return undefined;
}

/** AccessDenied is the expected answer for a profile without IAM read rights: said plainly. */
function reasonOf(error: SerializedError): string {
  return error.code === 'access-denied' ? 'not readable with this profile' : error.message;
}

async function readTarget(
  ctx: KeyContext,
  iam: IAMClient,
  target: Target,
  cache: ManagedPolicyCache,
): Promise<PrincipalPoliciesEntry> {
  const base = { arn: target.arn, kind: target.kind, source: target.source };
  try {
    const policies = await readIdentityPolicies(iam, target, cache);
    return { ...base, policies, reason: null, error: null };
  } catch (caught) {
    const error = toSerializedError(caught, ctx.logger, 'keys.principalPolicies');
    return { ...base, policies: null, reason: reasonOf(error), error };
  }
}

const roleList = z.array(z.object({ Arn: z.string() }));

/** The first `ACCOUNT_PRINCIPALS_CAP` roles and users of the account, and whether there are more. */
async function listAccount(iam: IAMClient) {
  const arns: string[] = [];
  let capped = false;
  const take = async (pages: AsyncIterable<{ Roles?: unknown; Users?: unknown }>) => {
    for await (const page of pages) {
      const items = parseAws(roleList, page.Roles ?? page.Users ?? [], 'ListRoles/ListUsers');
      for (const { Arn } of items) {
        if (arns.length >= ACCOUNT_PRINCIPALS_CAP) {
          capped = true;
          return;
        }
        arns.push(Arn);
      }
    }
  };
  await take(paginateListRoles({ client: iam }, {}));
  if (!capped) await take(paginateListUsers({ client: iam }, {}));
  return { arns, capped };
}

export async function principalPolicies(
  ctx: KeyContext,
  request: PrincipalPoliciesRequest,
): Promise<PrincipalPolicies> {
  const principal = await ctx.principal(request.profileId);
  const accountId = principal.accountId ?? '';
  const iam = await ctx.aws.client(IAMClient, principal, IAM_REGION);
  const named = request.principals.flatMap((arn) => targetOf(arn, accountId) ?? []);
  let accountListing: PrincipalPolicies['accountListing'] = null;
  let listed: Target[] = [];
  if (request.includeAccount) {
    try {
      const { arns, capped } = await listAccount(iam);
      listed = arns.flatMap((arn) => {
        const target = targetOf(arn, accountId);
        return target ? [{ ...target, source: 'account' as const }] : [];
      });
      accountListing = { listed: listed.length, capped, error: null };
    } catch (caught) {
      const error = toSerializedError(caught, ctx.logger, 'keys.principalPolicies');
      accountListing = { listed: 0, capped: false, error };
    }
  }
  const seen = new Set<string>();
  const targets = [...named, ...listed].filter((t) => !seen.has(t.arn) && seen.add(t.arn));
  const cache: ManagedPolicyCache = new Map();
  const principals = await Promise.all(targets.map((t) => readTarget(ctx, iam, t, cache)));
  return { accountId, principals, accountListing };
}
