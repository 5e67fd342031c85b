// The IAM half of a key's effective access: the inline and attached managed policies of the
// users and roles the key policy names (and, when it trusts the account root, of the account's
// first roles and users), each read on its own so one refusal does not hide the rest.
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  IAMClient,
  paginateListAttachedRolePolicies,
  paginateListAttachedUserPolicies,
  paginateListRolePolicies,
  paginateListRoles,
  paginateListUsers,
  paginateListUserPolicies,
} from '@aws-sdk/client-iam';
import { z } from 'zod';
import type { SerializedError } from '../../src-shared/errors';
import {
  ACCOUNT_PRINCIPALS_CAP,
  type IdentityPolicy,
  type PrincipalPolicies,
  type PrincipalPoliciesEntry,
} from '../../src-shared/models/principal-policies';
import { collectPages } from '../aws/collect-pages';
import { toSerializedError } from '../operations/to-serialized-error';
import { parseAws } from './aws-shapes';
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

const inlineAnswer = z.object({ PolicyDocument: z.string() });
const policyAnswer = z.object({
  Policy: z.object({ PolicyName: z.string(), DefaultVersionId: z.string() }),
});
const versionAnswer = z.object({ PolicyVersion: z.object({ Document: z.string() }) });
const attachedList = z.array(z.object({ PolicyArn: z.string() }));
const nameList = z.array(z.string());

/** IAM answers documents URL-encoded (reference §1.6); the SDK leaves them so. */
const decode = (text: string) => decodeURIComponent(text);

type ManagedCache = Map<string, Promise<IdentityPolicy>>;

async function managedPolicy(iam: IAMClient, arn: string): Promise<IdentityPolicy> {
  const policy = parseAws(
    policyAnswer,
    await iam.send(new GetPolicyCommand({ PolicyArn: arn })),
    'GetPolicy',
  ).Policy;
  const version = parseAws(
    versionAnswer,
    await iam.send(
      new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: policy.DefaultVersionId }),
    ),
    'GetPolicyVersion',
  );
  return {
    name: policy.PolicyName,
    kind: 'managed',
    document: decode(version.PolicyVersion.Document),
  };
}

/** Each managed policy is read once per request, however many principals attach it. */
function cachedManaged(iam: IAMClient, cache: ManagedCache, arn: string) {
  let found = cache.get(arn);
  if (found === undefined) {
    found = managedPolicy(iam, arn);
    cache.set(arn, found);
  }
  return found;
}

async function inlinePolicies(iam: IAMClient, target: Target): Promise<IdentityPolicy[]> {
  const names =
    target.kind === 'role'
      ? await collectPages(
          paginateListRolePolicies({ client: iam }, { RoleName: target.name }),
          (p) => p.PolicyNames,
        )
      : await collectPages(
          paginateListUserPolicies({ client: iam }, { UserName: target.name }),
          (p) => p.PolicyNames,
        );
  return Promise.all(
    parseAws(nameList, names, 'ListPolicies').map(async (PolicyName) => {
      const answer =
        target.kind === 'role'
          ? await iam.send(new GetRolePolicyCommand({ RoleName: target.name, PolicyName }))
          : await iam.send(new GetUserPolicyCommand({ UserName: target.name, PolicyName }));
      const document = parseAws(inlineAnswer, answer, 'GetPolicy').PolicyDocument;
      return { name: PolicyName, kind: 'inline' as const, document: decode(document) };
    }),
  );
}

async function attachedPolicies(iam: IAMClient, target: Target, cache: ManagedCache) {
  const attached =
    target.kind === 'role'
      ? await collectPages(
          paginateListAttachedRolePolicies({ client: iam }, { RoleName: target.name }),
          (p) => p.AttachedPolicies,
        )
      : await collectPages(
          paginateListAttachedUserPolicies({ client: iam }, { UserName: target.name }),
          (p) => p.AttachedPolicies,
        );
  return Promise.all(
    parseAws(attachedList, attached, 'ListAttachedPolicies').map(({ PolicyArn }) =>
      cachedManaged(iam, cache, PolicyArn),
    ),
  );
}

/** AccessDenied is the expected answer for a profile without IAM read rights: said plainly. */
function reasonOf(error: SerializedError): string {
  return error.code === 'access-denied' ? 'not readable with this profile' : error.message;
}

async function readTarget(
  ctx: KeyContext,
  iam: IAMClient,
  target: Target,
  cache: ManagedCache,
): Promise<PrincipalPoliciesEntry> {
  const base = { arn: target.arn, kind: target.kind, source: target.source };
  try {
    const [inline, attached] = await Promise.all([
      inlinePolicies(iam, target),
      attachedPolicies(iam, target, cache),
    ]);
    return { ...base, policies: [...inline, ...attached], reason: null, error: null };
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
  const cache: ManagedCache = new Map();
  const principals = await Promise.all(targets.map((t) => readTarget(ctx, iam, t, cache)));
  return { accountId, principals, accountListing };
}
