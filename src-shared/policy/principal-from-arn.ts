// Builds a Principal from a caller ARN (what GetCallerIdentity returns) or a service name.
import type { Principal } from './types';

const IAM = /^arn:([^:]+):iam::(\d{12}):(root|user\/.+|role\/.+)$/;
const SESSION = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/;
const SERVICE = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(?:\.cn)?$/;

/**
 * `arn:aws:iam::111122223333:user/alice` → a user principal, and so on. For an assumed-role
 * session the role ARN is rebuilt without a path (session ARNs do not carry it); pass
 * `roleArn` when the role has a path.
 */
export function principalFromArn(arn: string, roleArn?: string): Principal | undefined {
  if (SERVICE.test(arn)) return { arn, account: '', kind: 'service', service: arn };
  const iam = IAM.exec(arn);
  if (iam !== null) {
    const [, , account = '', rest = ''] = iam;
    const kind = rest === 'root' ? 'root' : rest.startsWith('user/') ? 'user' : 'role';
    return { arn, account, kind };
  }
  const session = SESSION.exec(arn);
  if (session !== null) {
    const [, partition = 'aws', account = '', role = ''] = session;
    return {
      arn,
      account,
      kind: 'assumed-role',
      roleArn: roleArn ?? `arn:${partition}:iam::${account}:role/${role}`,
    };
  }
  return undefined;
}
