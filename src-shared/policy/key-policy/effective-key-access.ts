// "Who can do what with this key": for every principal the key policy names, whether it can
// administer, use, grant and delete, computed with the shared evaluator.
import type { PolicyDocument, Principal, PrincipalBlock } from '../types';
import { normaliseAwsPrincipal } from '../principal-format';
import { principalFromArn } from '../principal-from-arn';
import {
  accessVerdict,
  bestVerdict,
  type AccessVerdict,
  type VerdictInput,
} from './access-verdict';
import { accountOfRoot } from './principal-list';

export interface EffectiveAccessOptions {
  readonly accountId: string;
  readonly keyArn: string;
  /** IAM policies by principal ARN (user or role), where the profile could read them. */
  readonly iamPoliciesByPrincipal?: Readonly<Record<string, readonly PolicyDocument[]>>;
}

export interface KeyAccessRow {
  /**
   * `principal`: a user or role; `account`: any IAM principal of that account whose IAM policy
   * allows it (the key policy trusts the account root); `service`: an AWS service principal;
   * `anyone`: `"*"`.
   */
  readonly kind: 'principal' | 'account' | 'service' | 'anyone';
  /** The ARN, account id, service name or `*`. */
  readonly subject: string;
  readonly label: string;
  /** kms:PutKeyPolicy: whoever may change the policy controls the key. */
  readonly administer: AccessVerdict;
  /** The best verdict over the cryptographic operations, and the operations it holds for. */
  readonly use: AccessVerdict;
  readonly usableActions: readonly string[];
  /** kms:CreateGrant */
  readonly grant: AccessVerdict;
  /** kms:ScheduleKeyDeletion */
  readonly delete: AccessVerdict;
}

const USE_ACTIONS = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncryptFrom',
  'kms:GenerateDataKey',
  'kms:Sign',
  'kms:Verify',
  'kms:GenerateMac',
  'kms:VerifyMac',
  'kms:DeriveSharedSecret',
];

interface Subject {
  readonly kind: KeyAccessRow['kind'];
  readonly subject: string;
  readonly label: string;
  readonly principal: Principal;
  readonly iamKey?: string;
}

function awsSubject(entry: string, accountId: string): Subject | undefined {
  if (entry === '*') {
    const principal: Principal = { arn: '*', account: '', kind: 'anonymous' };
    return { kind: 'anyone', subject: '*', label: 'Any principal ("*")', principal };
  }
  const account = accountOfRoot(entry);
  if (account !== undefined) {
    const where = account === accountId ? 'this account' : `account ${account}`;
    return {
      kind: 'account',
      subject: account,
      label: `Any IAM principal in ${where} with IAM permission`,
      // An unnamed role of the account: it matches only statements that trust the account.
      principal: { arn: `arn:aws:iam::${account}:role/\u2026`, account, kind: 'role' },
    };
  }
  const principal = principalFromArn(normaliseAwsPrincipal(entry));
  if (principal === undefined) return undefined;
  return {
    kind: 'principal',
    subject: entry,
    label: entry,
    principal,
    iamKey: principal.roleArn ?? entry,
  };
}

function subjectsOf(block: PrincipalBlock | '*' | undefined, accountId: string): Subject[] {
  if (block === undefined) return [];
  if (block === '*')
    return [awsSubject('*', accountId)].filter((s): s is Subject => s !== undefined);
  const aws = (block.aws ?? []).map((entry) => awsSubject(entry, accountId));
  const services = (block.service ?? []).map((service): Subject => ({
    kind: 'service',
    subject: service,
    label: service,
    principal: { arn: service, account: '', kind: 'service', service },
  }));
  return [...aws, ...services].filter((s): s is Subject => s !== undefined);
}

export function effectiveKeyAccess(
  keyPolicy: PolicyDocument,
  options: EffectiveAccessOptions,
): KeyAccessRow[] {
  const seen = new Set<string>();
  const subjects = keyPolicy.statements
    .flatMap((statement) => subjectsOf(statement.principal, options.accountId))
    .filter((subject) => {
      const key = `${subject.kind}:${normaliseAwsPrincipal(subject.subject)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return subjects.map((subject) => {
    const identityPolicies =
      subject.iamKey === undefined ? undefined : options.iamPoliciesByPrincipal?.[subject.iamKey];
    const input: VerdictInput = {
      keyPolicy,
      accountId: options.accountId,
      keyArn: options.keyArn,
      principal: subject.principal,
      identityPolicies,
    };
    const verdicts = USE_ACTIONS.map((action) => [action, accessVerdict(input, action)] as const);
    const use = bestVerdict(verdicts.map(([, verdict]) => verdict));
    return {
      kind: subject.kind,
      subject: subject.subject,
      label: subject.label,
      administer: accessVerdict(input, 'kms:PutKeyPolicy'),
      use,
      usableActions:
        use === 'denied' ? [] : verdicts.filter(([, v]) => v === use).map(([action]) => action),
      grant: accessVerdict(input, 'kms:CreateGrant'),
      delete: accessVerdict(input, 'kms:ScheduleKeyDeletion'),
    };
  });
}
