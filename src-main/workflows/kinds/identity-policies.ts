import { IAMClient } from '@aws-sdk/client-iam';
import { KeywardError } from '../../../src-shared/errors';
import { parsePolicy } from '../../../src-shared/policy/parse-policy';
import type { PolicyDocument } from '../../../src-shared/policy/types';
import { readIdentityPolicies } from '../../key-operations/identity-policy-reader';
import type { KeyContext } from '../../key-operations/key-context';

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

/**
 * The identity policies of a profile's caller (inline and attached, of the user and its groups or
 * of the role behind an assumed-role session), read with that profile.
 */
export async function identityPoliciesOf(
  ctx: KeyContext,
  profileId: string,
  callerArn: string,
): Promise<PolicyDocument[]> {
  const owner = ownerOf(callerArn);
  if (!owner) return [];
  const iam = await ctx.aws.client(IAMClient, await ctx.principal(profileId), 'us-east-1');
  return (await readIdentityPolicies(iam, owner)).map(({ name, document }) => {
    const parsed = parsePolicy(document, 'identity');
    if (!parsed.ok) {
      throw new KeywardError(
        'validation',
        `IAM policy ${name} cannot be read by Keyward's evaluator.`,
      );
    }
    return parsed.policy;
  });
}
