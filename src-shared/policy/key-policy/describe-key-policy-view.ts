// What the visual editor shows: the roles the understood statements give, and the statements
// it leaves alone.
import type { KeyPolicyView, NotUnderstoodSection } from './key-policy-view';
import { administratorsMayDelete } from './edit-administrators';
import { allowsAttachment } from './edit-key-users';
import { accountOfRoot, samePrincipal } from './principal-list';
import { sectionsOf } from './view-sections';

export interface KeyPolicyRoles {
  /** The account root may do everything (IAM policies in the account decide who may). */
  readonly accountRootEnabled: boolean;
  readonly administrators: readonly string[];
  /** `undefined` when there is no administrators statement. */
  readonly administratorsMayDelete: boolean | undefined;
  /** Key users other than the roots of other accounts (this account's root included). */
  readonly users: readonly string[];
  /** Accounts whose root is a key user. */
  readonly otherAccounts: readonly string[];
  readonly servicePrincipals: readonly {
    readonly service: string;
    readonly actions: readonly string[];
  }[];
  readonly allowAttachment: boolean;
  readonly notUnderstood: readonly NotUnderstoodSection[];
}

function unique(list: readonly string[]): readonly string[] {
  return list.filter((entry, i) => list.findIndex((other) => samePrincipal(other, entry)) === i);
}

export function describeKeyPolicyView(view: KeyPolicyView): KeyPolicyRoles {
  const keyUsers = unique(sectionsOf(view, 'users').flatMap((section) => section.principals));
  const accountId = view.context.accountId;
  const otherAccounts = keyUsers
    .map(accountOfRoot)
    .filter((account): account is string => account !== undefined && account !== accountId);
  return {
    accountRootEnabled: sectionsOf(view, 'account-root').length > 0,
    administrators: unique(
      sectionsOf(view, 'administrators').flatMap((section) => section.principals),
    ),
    administratorsMayDelete: administratorsMayDelete(view),
    users: keyUsers.filter((user) => {
      const account = accountOfRoot(user);
      return account === undefined || account === accountId;
    }),
    otherAccounts,
    servicePrincipals: sectionsOf(view, 'service').flatMap((section) =>
      section.services.map((service) => ({ service, actions: section.actions })),
    ),
    allowAttachment: allowsAttachment(view),
    notUnderstood: view.sections.filter(
      (section): section is NotUnderstoodSection => section.kind === 'not-understood',
    ),
  };
}
