// Edits of the key administrators statement.
import { ADMIN_DELETE_ACTIONS } from './key-policy-actions';
import type { KeyPolicyView } from './key-policy-view';
import { administratorsSection } from './new-sections';
import { withoutPrincipal, withPrincipal } from './principal-list';
import { sectionsOf, updateFirstOrInsert, updateSections } from './view-sections';

export function addAdministrator(view: KeyPolicyView, principal: string): KeyPolicyView {
  const mayDelete = administratorsMayDelete(view) ?? true;
  return updateFirstOrInsert(
    view,
    'administrators',
    (section) => ({ ...section, principals: withPrincipal(section.principals, principal) }),
    administratorsSection([principal], { mayDelete }),
  );
}

export function removeAdministrator(view: KeyPolicyView, principal: string): KeyPolicyView {
  return updateSections(view, 'administrators', (section) => {
    const principals = withoutPrincipal(section.principals, principal);
    return principals.length === 0 ? undefined : { ...section, principals };
  });
}

/** `undefined` when there is no administrators statement. */
export function administratorsMayDelete(view: KeyPolicyView): boolean | undefined {
  const sections = sectionsOf(view, 'administrators');
  if (sections.length === 0) return undefined;
  return sections.every((section) => section.actions.includes('kms:ScheduleKeyDeletion'));
}

/** Adds or removes kms:ScheduleKeyDeletion and kms:CancelKeyDeletion, as the console's checkbox does. */
export function setAdministratorsMayDelete(view: KeyPolicyView, mayDelete: boolean): KeyPolicyView {
  return updateSections(view, 'administrators', (section) => {
    const rest = section.actions.filter((action) => !ADMIN_DELETE_ACTIONS.includes(action));
    if (!mayDelete) return { ...section, actions: rest };
    if (section.actions.includes('kms:ScheduleKeyDeletion')) return section;
    // Right after kms:UntagResource, where the console writes them.
    const after = rest.indexOf('kms:UntagResource') + 1 || rest.length;
    const actions = [...rest.slice(0, after), ...ADMIN_DELETE_ACTIONS, ...rest.slice(after)];
    return { ...section, actions };
  });
}
