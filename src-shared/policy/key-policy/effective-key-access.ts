// "Who can do what with this key": for every principal the key policy names, whether it can
// administer, use, grant and delete, computed with the shared evaluator.
import type { PolicyDocument, Principal, PrincipalBlock } from '../types';
import { normaliseAwsPrincipal } from '../principal-format';
import { principalFromArn } from '../principal-from-arn';
import {
  bestVerdict,
  explainAccess,
  type AccessVerdict,
  type ExplainedVerdict,
  type NamedPolicy,
  type VerdictInput,
} from './access-verdict';
import { accountOfRoot } from './principal-list';

/** What the profile could read of one user's or role's IAM policies. */
export type PrincipalIdentity =
  | { readonly status: 'read'; readonly policies: readonly NamedPolicy[] }
  | { readonly status: 'unreadable'; readonly reason: string };

export interface EffectiveAccessOptions {
  readonly accountId: string;
  readonly keyArn: string;
  /** IAM policies by principal ARN (user or role), where they were looked up. */
  readonly identities?: Readonly<Record<string, PrincipalIdentity>>;
  /**
   * Users and roles of the key's account (listed because the key policy trusts the account
   * root): each gets a row of its own, decided by its IAM policies.
   */
  readonly accountPrincipals?: readonly string[];
}

/** Where a row's IAM half comes from. */
export type IamStatus =
  | { readonly status: 'read'; readonly policyNames: readonly string[] }
  | { readonly status: 'unreadable'; readonly reason: string }
  | { readonly status: 'other-account'; readonly account: string }
  | { readonly status: 'not-needed' }
  | { readonly status: 'not-read' };

type Column = 'administer' | 'use' | 'grant' | 'delete';

export interface KeyAccessRow {
  /**
   * `principal`: a user or role; `account`: any IAM principal of that account whose IAM policy
   * allows it (the key policy trusts the account root); `service`: an AWS service principal;
   * `anyone`: `"*"`.
   */
  readonly kind: 'principal' | 'account' | 'service' | 'anyone';
  /** `account`: not named in the key policy, listed from the account the root statement trusts. */
  readonly source: 'key-policy' | 'account';
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
  /** Which policy decided each column (key policy statement, IAM policy name, or what is missing). */
  readonly reasons: Readonly<Record<Column, string>>;
  readonly iam: IamStatus;
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

function iamStatusOf(subject: Subject, options: EffectiveAccessOptions): IamStatus {
  const { principal } = subject;
  // An account row stands for every principal of the account: no one IAM policy to read.
  if (subject.kind !== 'principal') return { status: 'not-needed' };
  const found = subject.iamKey === undefined ? undefined : options.identities?.[subject.iamKey];
  if (found?.status === 'read')
    return { status: 'read', policyNames: found.policies.map((p) => p.name) };
  if (found?.status === 'unreadable') return { status: 'unreadable', reason: found.reason };
  if (principal.account !== options.accountId)
    return { status: 'other-account', account: principal.account };
  return { status: 'not-read' };
}

function missingNote(subject: Subject, iam: IamStatus): string {
  if (subject.kind === 'account') {
    return `only principals of account ${subject.subject} whose IAM policies allow it`;
  }
  switch (iam.status) {
    case 'unreadable':
      return iam.reason.startsWith('not readable')
        ? `its IAM policies are ${iam.reason}`
        : `its IAM policies could not be read (${iam.reason})`;
    case 'other-account':
      return `it also needs its own account’s IAM policy (account ${iam.account}, not readable from here)`;
    default:
      return 'its IAM policies were not read';
  }
}

function subjectRow(
  keyPolicy: PolicyDocument,
  options: EffectiveAccessOptions,
  subject: Subject,
  source: KeyAccessRow['source'],
): KeyAccessRow {
  const iam = iamStatusOf(subject, options);
  const found = subject.iamKey === undefined ? undefined : options.identities?.[subject.iamKey];
  const input: VerdictInput = {
    keyPolicy,
    accountId: options.accountId,
    keyArn: options.keyArn,
    principal: subject.principal,
    identityPolicies: found?.status === 'read' ? found.policies : undefined,
    missingIdentityNote: missingNote(subject, iam),
  };
  const verdicts = USE_ACTIONS.map((action) => [action, explainAccess(input, action)] as const);
  const use = bestVerdict(verdicts.map(([, v]) => v.verdict));
  const useReason: ExplainedVerdict | undefined = verdicts.find(([, v]) => v.verdict === use)?.[1];
  const administer = explainAccess(input, 'kms:PutKeyPolicy');
  const grant = explainAccess(input, 'kms:CreateGrant');
  const remove = explainAccess(input, 'kms:ScheduleKeyDeletion');
  return {
    kind: subject.kind,
    source,
    subject: subject.subject,
    label: subject.label,
    administer: administer.verdict,
    use,
    usableActions:
      use === 'denied'
        ? []
        : verdicts.filter(([, v]) => v.verdict === use).map(([action]) => action),
    grant: grant.verdict,
    delete: remove.verdict,
    reasons: {
      administer: administer.reason,
      use: useReason?.reason ?? '',
      grant: grant.reason,
      delete: remove.reason,
    },
    iam,
  };
}

export function effectiveKeyAccess(
  keyPolicy: PolicyDocument,
  options: EffectiveAccessOptions,
): KeyAccessRow[] {
  const seen = new Set<string>();
  const fresh = (subject: Subject) => {
    const key = `${subject.kind}:${normaliseAwsPrincipal(subject.subject)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const named = keyPolicy.statements
    .flatMap((statement) => subjectsOf(statement.principal, options.accountId))
    .filter(fresh);
  const listed = (options.accountPrincipals ?? [])
    .map((arn) => awsSubject(arn, options.accountId))
    .filter(
      (s): s is Subject => s?.kind === 'principal' && s.principal.account === options.accountId,
    )
    .filter(fresh);
  return [
    ...named.map((subject) => subjectRow(keyPolicy, options, subject, 'key-policy')),
    ...listed.map((subject) => subjectRow(keyPolicy, options, subject, 'account')),
  ];
}
