// Edits of statements that let AWS services (Service principals) use the key.
import type { KeyPolicyView } from './key-policy-view';
import { KEY_USER_ACTIONS } from './key-policy-actions';
import { actionSetFor } from './new-sections';
import { insertSection, sectionsOf, updateSections } from './view-sections';

/** A statement of its own per service, so removing one never changes another's conditions. */
export function addServicePrincipal(
  view: KeyPolicyView,
  service: string,
  actions: readonly string[] = KEY_USER_ACTIONS[actionSetFor(view.context)],
): KeyPolicyView {
  const present = sectionsOf(view, 'service').some((section) => section.services.includes(service));
  if (present) return view;
  return insertSection(view, {
    kind: 'service',
    sid: `Allow use of the key by ${service}`,
    services: [service],
    actions,
  });
}

export function removeServicePrincipal(view: KeyPolicyView, service: string): KeyPolicyView {
  return updateSections(view, 'service', (section) => {
    const services = section.services.filter((entry) => entry !== service);
    return services.length === 0 ? undefined : { ...section, services };
  });
}
