import type { ProfileSummary } from '../../../../src-shared/models/profile';

/** An assumed-role session ARN names its role; key policies name the role. */
export function principalOf(arn: string): string {
  const match = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(arn);
  return match ? `arn:${match[1]}:iam::${match[2]}:role/${match[3]}` : arn;
}

/** The principals of the account that Keyward knows: profiles' identities and assumed roles. */
export function knownPrincipals(profiles: readonly ProfileSummary[], accountId: string): string[] {
  const arns = profiles.flatMap((p) => [p.arn, p.roleArn]).filter((arn): arn is string => !!arn);
  const inAccount = arns.map(principalOf).filter((arn) => arn.split(':')[4] === accountId);
  return [...new Set(inAccount)];
}
