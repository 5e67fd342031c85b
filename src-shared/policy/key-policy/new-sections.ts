// Sections as the console writes them, for edits that add a statement and for the create-key
// wizard's policy.
import {
  ADMIN_BASE_ACTIONS,
  ADMIN_DELETE_ACTIONS,
  ATTACHMENT_ACTIONS,
  KEY_USER_ACTIONS,
  SIDS,
  keyUserActionSet,
  type KeyUsage,
  type KeyUserActionSet,
} from './key-policy-actions';
import type {
  AccountRootSection,
  AdministratorsSection,
  AttachmentSection,
  UsersSection,
} from './key-policy-view';

export interface AdministratorExtras {
  readonly mayDelete: boolean;
  /** Imported key material: administrators need kms:ImportKeyMaterial. */
  readonly importedMaterial?: boolean;
  readonly multiRegion?: boolean;
}

export function accountRootSection(accountId: string): AccountRootSection {
  return {
    kind: 'account-root',
    sid: SIDS.accountRoot,
    principal: `arn:aws:iam::${accountId}:root`,
  };
}

/** The console's order: base actions, deletion, on-demand rotation, then the key-type extras. */
export function administratorActions(extras: AdministratorExtras): readonly string[] {
  return [
    ...ADMIN_BASE_ACTIONS,
    ...(extras.mayDelete ? ADMIN_DELETE_ACTIONS : []),
    'kms:RotateKeyOnDemand',
    ...(extras.importedMaterial === true ? ['kms:ImportKeyMaterial'] : []),
    ...(extras.multiRegion === true ? ['kms:ReplicateKey', 'kms:UpdatePrimaryRegion'] : []),
  ];
}

export function administratorsSection(
  principals: readonly string[],
  extras: AdministratorExtras,
): AdministratorsSection {
  return {
    kind: 'administrators',
    sid: SIDS.administrators,
    principals,
    actions: administratorActions(extras),
  };
}

export function usersSection(
  principals: readonly string[],
  actionSet: KeyUserActionSet,
): UsersSection {
  return {
    kind: 'users',
    sid: SIDS.users,
    principals,
    actionSet,
    actions: KEY_USER_ACTIONS[actionSet],
  };
}

export function attachmentSection(principals: readonly string[]): AttachmentSection {
  return {
    kind: 'attachment',
    sid: SIDS.attachment,
    principals,
    actions: ATTACHMENT_ACTIONS,
    conditionValue: true,
  };
}

export function actionSetFor(key: {
  readonly keySpec?: string;
  readonly keyUsage?: KeyUsage;
}): KeyUserActionSet {
  return keyUserActionSet(key.keySpec ?? 'SYMMETRIC_DEFAULT', key.keyUsage ?? 'ENCRYPT_DECRYPT');
}
