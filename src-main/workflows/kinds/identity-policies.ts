import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
} from '@aws-sdk/client-iam';
import { KeywardError } from '../../../src-shared/errors';
import { parsePolicy } from '../../../src-shared/policy/parse-policy';
import type { PolicyDocument } from '../../../src-shared/policy/types';
import type { KeyContext } from '../../key-operations/key-context';

/** IAM answers policy documents URL-encoded (reference §7.6). */
function documentOf(encoded: string | undefined, name: string): PolicyDocument {
  const parsed = parsePolicy(decodeURIComponent(encoded ?? ''), 'identity');
  if (!parsed.ok) {
    throw new KeywardError(
      'validation',
      `IAM policy ${name} cannot be read by Keyward's evaluator.`,
    );
  }
  return parsed.policy;
}

type Owner =
  | { readonly kind: 'user'; readonly name: string }
  | { readonly kind: 'role'; readonly name: string };

/** The IAM user or role behind a caller ARN (an assumed-role session names its role). */
export function ownerOf(callerArn: string): Owner | undefined {
  const user = /^arn:aws[a-z-]*:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/.exec(callerArn);
  if (user?.[1]) return { kind: 'user', name: user[1] };
  const role = /^arn:aws[a-z-]*:sts::\d{12}:assumed-role\/([^/]+)\/[^/]+$/.exec(callerArn);
  if (role?.[1]) return { kind: 'role', name: role[1] };
  return undefined;
}

async function inlinePolicies(iam: IAMClient, owner: Owner): Promise<PolicyDocument[]> {
  const names =
    owner.kind === 'user'
      ? ((await iam.send(new ListUserPoliciesCommand({ UserName: owner.name }))).PolicyNames ?? [])
      : ((await iam.send(new ListRolePoliciesCommand({ RoleName: owner.name }))).PolicyNames ?? []);
  const documents: PolicyDocument[] = [];
  for (const PolicyName of names) {
    const answer =
      owner.kind === 'user'
        ? await iam.send(new GetUserPolicyCommand({ UserName: owner.name, PolicyName }))
        : await iam.send(new GetRolePolicyCommand({ RoleName: owner.name, PolicyName }));
    documents.push(documentOf(answer.PolicyDocument, PolicyName));
  }
  return documents;
}

async function attachedPolicies(iam: IAMClient, owner: Owner): Promise<PolicyDocument[]> {
  const attached =
    owner.kind === 'user'
      ? (await iam.send(new ListAttachedUserPoliciesCommand({ UserName: owner.name })))
          .AttachedPolicies
      : (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: owner.name })))
          .AttachedPolicies;
  const documents: PolicyDocument[] = [];
  for (const { PolicyArn } of attached ?? []) {
    if (!PolicyArn) continue;
    const policy = await iam.send(new GetPolicyCommand({ PolicyArn }));
    const version = await iam.send(
      new GetPolicyVersionCommand({
        PolicyArn,
        VersionId: policy.Policy?.DefaultVersionId ?? 'v1',
      }),
    );
    documents.push(documentOf(version.PolicyVersion?.Document, PolicyArn));
  }
  return documents;
}

/**
 * The identity policies of a profile's caller (inline and attached, of the user or of the role
 * behind an assumed-role session), read with that profile. Group policies are not read yet.
 */
export async function identityPoliciesOf(
  ctx: KeyContext,
  profileId: string,
  callerArn: string,
): Promise<PolicyDocument[]> {
  const owner = ownerOf(callerArn);
  if (!owner) return [];
  const iam = await ctx.aws.client(IAMClient, await ctx.principal(profileId), 'us-east-1');
  return [...(await inlinePolicies(iam, owner)), ...(await attachedPolicies(iam, owner))];
}
