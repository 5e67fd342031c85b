// The one reader of a user's or role's identity policies: its inline and attached managed
// policies and, for a user, those of every group it is in. Effective access
// (keys.principalPolicies) and the workflow engine's target IAM check both use it.
import {
  GetGroupPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  type IAMClient,
  paginateListAttachedGroupPolicies,
  paginateListAttachedRolePolicies,
  paginateListAttachedUserPolicies,
  paginateListGroupPolicies,
  paginateListGroupsForUser,
  paginateListRolePolicies,
  paginateListUserPolicies,
} from '@aws-sdk/client-iam';
import { z } from 'zod';
import type { IdentityPolicy } from '../../src-shared/models/principal-policies';
import { collectPages } from '../aws/collect-pages';
import { parseAws } from './aws-shapes';

export interface PolicyHolder {
  readonly kind: 'user' | 'role';
  readonly name: string;
}

type HolderKind = 'user' | 'role' | 'group';

/** Each managed policy is read once per request, however many holders attach it. */
export type ManagedPolicyCache = Map<string, Promise<IdentityPolicy>>;

const inlineAnswer = z.object({ PolicyDocument: z.string() });
const policyAnswer = z.object({
  Policy: z.object({ PolicyName: z.string(), DefaultVersionId: z.string() }),
});
const versionAnswer = z.object({ PolicyVersion: z.object({ Document: z.string() }) });
const attachedList = z.array(z.object({ PolicyArn: z.string() }));
const nameList = z.array(z.string());
const groupList = z.array(z.object({ GroupName: z.string() }));

/** IAM answers documents URL-encoded (reference §1.6); the SDK leaves them so. */
const decode = (text: string) => decodeURIComponent(text);

/** The three IAM calls that read one kind of holder's policies, by the holder's name. */
interface HolderCalls {
  inlineNames(iam: IAMClient, name: string): Promise<unknown>;
  inlineDocument(iam: IAMClient, name: string, PolicyName: string): Promise<unknown>;
  attached(iam: IAMClient, name: string): Promise<unknown>;
}

const CALLS: Record<HolderKind, HolderCalls> = {
  user: {
    inlineNames: (iam, UserName) =>
      collectPages(paginateListUserPolicies({ client: iam }, { UserName }), (p) => p.PolicyNames),
    inlineDocument: (iam, UserName, PolicyName) =>
      iam.send(new GetUserPolicyCommand({ UserName, PolicyName })),
    attached: (iam, UserName) =>
      collectPages(
        paginateListAttachedUserPolicies({ client: iam }, { UserName }),
        (p) => p.AttachedPolicies,
      ),
  },
  role: {
    inlineNames: (iam, RoleName) =>
      collectPages(paginateListRolePolicies({ client: iam }, { RoleName }), (p) => p.PolicyNames),
    inlineDocument: (iam, RoleName, PolicyName) =>
      iam.send(new GetRolePolicyCommand({ RoleName, PolicyName })),
    attached: (iam, RoleName) =>
      collectPages(
        paginateListAttachedRolePolicies({ client: iam }, { RoleName }),
        (p) => p.AttachedPolicies,
      ),
  },
  group: {
    inlineNames: (iam, GroupName) =>
      collectPages(paginateListGroupPolicies({ client: iam }, { GroupName }), (p) => p.PolicyNames),
    inlineDocument: (iam, GroupName, PolicyName) =>
      iam.send(new GetGroupPolicyCommand({ GroupName, PolicyName })),
    attached: (iam, GroupName) =>
      collectPages(
        paginateListAttachedGroupPolicies({ client: iam }, { GroupName }),
        (p) => p.AttachedPolicies,
      ),
  },
};

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

function cachedManaged(iam: IAMClient, cache: ManagedPolicyCache, arn: string) {
  let found = cache.get(arn);
  if (found === undefined) {
    found = managedPolicy(iam, arn);
    cache.set(arn, found);
  }
  return found;
}

/** One holder's own inline then attached managed policies. */
async function ownPolicies(
  iam: IAMClient,
  kind: HolderKind,
  name: string,
  cache: ManagedPolicyCache,
): Promise<IdentityPolicy[]> {
  const calls = CALLS[kind];
  const [names, attached] = await Promise.all([
    calls.inlineNames(iam, name),
    calls.attached(iam, name),
  ]);
  const [inline, managed] = await Promise.all([
    Promise.all(
      parseAws(nameList, names, 'ListPolicies').map(async (PolicyName) => {
        const answer = await calls.inlineDocument(iam, name, PolicyName);
        const document = parseAws(inlineAnswer, answer, 'GetPolicy').PolicyDocument;
        return { name: PolicyName, kind: 'inline' as const, document: decode(document) };
      }),
    ),
    Promise.all(
      parseAws(attachedList, attached, 'ListAttachedPolicies').map(({ PolicyArn }) =>
        cachedManaged(iam, cache, PolicyArn),
      ),
    ),
  ]);
  return [...inline, ...managed];
}

/** A user's groups' policies, each named `group <group>: <policy>` so a verdict says where it came from. */
async function groupPolicies(
  iam: IAMClient,
  userName: string,
  cache: ManagedPolicyCache,
): Promise<IdentityPolicy[]> {
  const groups = parseAws(
    groupList,
    await collectPages(
      paginateListGroupsForUser({ client: iam }, { UserName: userName }),
      (p) => p.Groups,
    ),
    'ListGroupsForUser',
  );
  const perGroup = await Promise.all(
    groups.map(async ({ GroupName }) =>
      (await ownPolicies(iam, 'group', GroupName, cache)).map((policy) => ({
        ...policy,
        name: `group ${GroupName}: ${policy.name}`,
      })),
    ),
  );
  return perGroup.flat();
}

/**
 * The holder's identity policies, decoded: its own inline and attached managed policies and, for
 * a user, those of each of its groups.
 */
export async function readIdentityPolicies(
  iam: IAMClient,
  holder: PolicyHolder,
  cache: ManagedPolicyCache = new Map(),
): Promise<IdentityPolicy[]> {
  const [own, fromGroups] = await Promise.all([
    ownPolicies(iam, holder.kind, holder.name, cache),
    holder.kind === 'user' ? groupPolicies(iam, holder.name, cache) : [],
  ]);
  return [...own, ...fromGroups];
}
