import { KeywardError } from '../../../src-shared/errors';
import type { PreflightCheck } from '../../../src-shared/models/workflow-plan';
import { authorize } from '../../../src-shared/policy/authorize';
import { parsePolicy } from '../../../src-shared/policy/parse-policy';
import { principalFromArn } from '../../../src-shared/policy/principal-from-arn';
import { deriveContext } from '../../../src-shared/policy/request-context';
import type { PolicyDocument } from '../../../src-shared/policy/types';
import { callerOf } from '../../key-operations/key-context';
import type { StepPlace } from '../step-kind';
import { addIdentityPolicyKind, identityDocumentOf } from './add-identity-policy';
import { identityPoliciesOf, ownerOf } from './identity-policies';

/** What EBS does with the source key, as the copying identity, when another account copies (reference §3.5). */
const COPY_ACTIONS = ['kms:DescribeKey', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:CreateGrant'];

/** Inline policies a fix step of the same plan will give the caller before the copy. */
function plannedPolicies(place: StepPlace, callerArn: string): PolicyDocument[] {
  return (place.planned ?? []).flatMap((spec) => {
    if (spec.kind !== addIdentityPolicyKind.name) return [];
    const params = addIdentityPolicyKind.params.safeParse(spec.params);
    if (!params.success || params.data.callerArn !== callerArn) return [];
    const parsed = parsePolicy(identityDocumentOf(params.data), 'identity');
    return parsed.ok ? [parsed.policy] : [];
  });
}

export interface TargetUse {
  readonly stepId: string;
  /** The profile that will copy the shared snapshot. */
  readonly profileId: string;
  readonly keyArn: string;
  /** The key policy as it will be once the run added its statement. */
  readonly keyPolicy: string;
  /** The fix step's id; a run that checks several keys gives each its own. */
  readonly fixId?: string;
  /** What the target does with the key, for the messages ("copy", "launch"). */
  readonly purpose?: string;
}

/**
 * Whether the target account's identity will be allowed to use the owner's key for the copy:
 * the key policy (with Keyward's statement) and the target's own IAM policies, read with the
 * target profile, through the shared evaluator — found before any change, not as a copy that ends
 * in "Given key ID is not accessible".
 */
export async function targetKeyAccessCheck(
  place: StepPlace,
  use: TargetUse,
): Promise<PreflightCheck> {
  const { stepId, keyArn } = use;
  const purpose = use.purpose ?? 'copy';
  const caller = await callerOf(place.ctx, use.profileId, place.region);
  const owner = ownerOf(caller.arn);
  const roleArn =
    owner?.kind === 'role' ? `arn:aws:iam::${caller.account}:role/${owner.name}` : undefined;
  const principal = principalFromArn(caller.arn, roleArn);
  const keyPolicy = parsePolicy(use.keyPolicy, 'resource');
  if (!principal || !keyPolicy.ok) {
    return {
      stepId,
      status: 'warning',
      message: `Keyward cannot evaluate ${caller.arn}'s access to ${keyArn}; AWS decides when the ${purpose} runs.`,
    };
  }
  let identityPolicies;
  try {
    identityPolicies = [
      ...(await identityPoliciesOf(place.ctx, use.profileId, caller.arn)),
      ...plannedPolicies(place, caller.arn),
    ];
  } catch (error) {
    if (error instanceof KeywardError && error.retryable) throw error;
    return {
      stepId,
      status: 'warning',
      message: `The IAM policies of ${caller.arn} cannot be read with the target profile (${(error as Error).message}); whether it may use ${keyArn} is decided by AWS when the ${purpose} runs.`,
    };
  }
  const refused = COPY_ACTIONS.filter((action) => {
    const context = {
      ...deriveContext(principal, action),
      'kms:ViaService': `ec2.${place.region}.amazonaws.com`,
      'aws:ViaAWSService': true,
      ...(action === 'kms:CreateGrant' ? { 'kms:GrantIsForAWSResource': true } : {}),
    };
    return !authorize({
      request: { principal, action, resource: keyArn, context },
      resourceAccount: keyArn.split(':')[4] ?? '',
      identityPolicies,
      resourcePolicy: keyPolicy.policy,
      resourcePolicyIsGatekeeper: true,
    }).allowed;
  });
  if (refused.length > 0) {
    return {
      stepId,
      status: 'failed',
      ...(owner
        ? {
            fix: {
              title: `Add an inline IAM policy to ${owner.kind} ${owner.name} allowing ${refused.join(', ')} on the key`,
              step: {
                id: use.fixId ?? 'target-iam',
                kind: 'add-identity-policy',
                profileId: use.profileId,
                region: place.region,
                params: { callerArn: caller.arn, keyArn, actions: refused },
              },
            },
          }
        : {}),
      message: `${caller.arn} (the target profile's identity) would not be allowed ${refused.join(', ')} on ${keyArn}, so its ${purpose} would fail ("Given key ID is not accessible"). Its IAM policies must allow ${refused.join(', ')} on that key ARN; the key policy statement this run adds covers the key side.`,
    };
  }
  return {
    stepId,
    status: 'ok',
    message: `${caller.arn} will be allowed to use ${keyArn} for the ${purpose} (key policy with this run's statement, and its IAM policies).`,
  };
}
