// The visual editor's model of a key policy: the statements it understands, each reduced to
// what the editor shows, plus every other statement kept verbatim, all in document order.
import type { KeyUsage, KeyUserActionSet } from './key-policy-actions';

export interface KeyPolicyContext {
  readonly accountId: string;
  readonly region: string;
  readonly keyArn: string;
  /** Picks the key-user actions for statements an edit creates; default symmetric. */
  readonly keySpec?: string;
  readonly keyUsage?: KeyUsage;
}

interface UnderstoodBase {
  /** Position in the parsed document (`undefined` for statements an edit added). */
  readonly index?: number;
  readonly sid?: string;
}

/** "Enable IAM User Permissions": the account root may do everything, which delegates to IAM. */
export interface AccountRootSection extends UnderstoodBase {
  readonly kind: 'account-root';
  /** As written: `arn:aws:iam::<account>:root` or the bare account id. */
  readonly principal: string;
}

export interface AdministratorsSection extends UnderstoodBase {
  readonly kind: 'administrators';
  readonly principals: readonly string[];
  /** As written, in order; holds kms:ScheduleKeyDeletion when administrators may delete. */
  readonly actions: readonly string[];
}

/** Key users: principals of this account and of other accounts (roots or users/roles). */
export interface UsersSection extends UnderstoodBase {
  readonly kind: 'users';
  readonly principals: readonly string[];
  readonly actionSet: KeyUserActionSet;
  readonly actions: readonly string[];
}

/** "Allow attachment of persistent resources": grants only through integrated AWS services. */
export interface AttachmentSection extends UnderstoodBase {
  readonly kind: 'attachment';
  readonly principals: readonly string[];
  readonly actions: readonly string[];
  /** The literal `kms:GrantIsForAWSResource` value as written (`true` or `"true"`). */
  readonly conditionValue: true | 'true';
}

export interface ServiceSection extends UnderstoodBase {
  readonly kind: 'service';
  readonly services: readonly string[];
  readonly actions: readonly string[];
  /** The `Condition` element exactly as written, if any (e.g. aws:SourceAccount). */
  readonly condition?: unknown;
}

export interface NotUnderstoodSection {
  readonly kind: 'not-understood';
  readonly index: number;
  readonly sid?: string;
  /** The statement exactly as it appears in the document. */
  readonly raw: unknown;
  /** Why the editor leaves it alone, for a hint next to it. */
  readonly reason: string;
}

export type UnderstoodSection =
  AccountRootSection | AdministratorsSection | UsersSection | AttachmentSection | ServiceSection;

export type KeyPolicySection = UnderstoodSection | NotUnderstoodSection;

export interface KeyPolicyView {
  readonly context: KeyPolicyContext;
  /** Top-level members other than `Statement`, exactly as written (`Version`, `Id`). */
  readonly header: Readonly<Record<string, unknown>>;
  readonly sections: readonly KeyPolicySection[];
}
