import { AWS_MANAGED_POLICIES, type ManagedPolicy } from './managed-policy-catalog';

export type { ManagedPolicy } from './managed-policy-catalog';
export { AWS_MANAGED_POLICIES } from './managed-policy-catalog';

/** Managed policies per user or role (IAM default quota `PoliciesPerUser`/`PoliciesPerRole`). */
export const MAX_ATTACHED_POLICIES = 10;

const byArn = new Map(AWS_MANAGED_POLICIES.map((p) => [p.arn, p]));

/** The managed policy with this ARN, if the sandbox knows it. */
export function findManagedPolicy(arn: string): ManagedPolicy | undefined {
  return byArn.get(arn);
}

/** Policy texts of the attached policies (unknown ARNs are skipped). */
export function attachedPolicyTexts(arns: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const arn of arns ?? []) {
    const policy = byArn.get(arn);
    if (policy) out.push(policy.document);
  }
  return out;
}
