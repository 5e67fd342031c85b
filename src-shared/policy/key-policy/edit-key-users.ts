// Edits of the key users, the other accounts among them, and the "allow attachment of
// persistent resources" statement, which the console keeps in step with the key users.
import type { KeyPolicyView } from './key-policy-view';
import { actionSetFor, attachmentSection, usersSection } from './new-sections';
import { rootArn, samePrincipal, withoutPrincipal, withPrincipal } from './principal-list';
import { insertSection, sectionsOf, updateFirstOrInsert, updateSections } from './view-sections';

export function addKeyUser(view: KeyPolicyView, principal: string): KeyPolicyView {
  const withUser = updateFirstOrInsert(
    view,
    'users',
    (section) => ({ ...section, principals: withPrincipal(section.principals, principal) }),
    usersSection([principal], actionSetFor(view.context)),
  );
  const attachments = sectionsOf(withUser, 'attachment');
  if (attachments.length === 0) return withUser;
  return updateFirstOrInsert(
    withUser,
    'attachment',
    (section) => ({ ...section, principals: withPrincipal(section.principals, principal) }),
    attachmentSection([principal]),
  );
}

export function removeKeyUser(view: KeyPolicyView, principal: string): KeyPolicyView {
  const withoutUser = updateSections(view, 'users', (section) => {
    const principals = withoutPrincipal(section.principals, principal);
    return principals.length === 0 ? undefined : { ...section, principals };
  });
  return updateSections(withoutUser, 'attachment', (section) => {
    const principals = withoutPrincipal(section.principals, principal);
    return principals.length === 0 ? undefined : { ...section, principals };
  });
}

/** Lets another account use the key: its root joins the key users (IAM in that account decides who). */
export function addOtherAccount(view: KeyPolicyView, accountId: string): KeyPolicyView {
  return addKeyUser(view, rootArn(accountId));
}

/** Removes the account's root (written as ARN or bare id); its individually named users stay. */
export function removeOtherAccount(view: KeyPolicyView, accountId: string): KeyPolicyView {
  return removeKeyUser(view, rootArn(accountId));
}

export function allowsAttachment(view: KeyPolicyView): boolean {
  return sectionsOf(view, 'attachment').length > 0;
}

/** On: a new attachment statement for every key user. Off: every attachment statement goes. */
export function setAllowAttachment(view: KeyPolicyView, allow: boolean): KeyPolicyView {
  if (!allow) return updateSections(view, 'attachment', () => undefined);
  if (allowsAttachment(view)) return view;
  const users = sectionsOf(view, 'users').flatMap((section) => section.principals);
  const principals = users.filter(
    (user, i) => users.findIndex((other) => samePrincipal(other, user)) === i,
  );
  return principals.length === 0 ? view : insertSection(view, attachmentSection(principals));
}
