import type { ProfileKind } from '../../../src-shared/models/profile';

/** How a profile's kind reads in the UI (the Profiles table, the header picker, the palette). */
export const profileKindLabel: Readonly<Record<ProfileKind, string>> = {
  sandbox: 'Sandbox',
  'access-key': 'Access key',
  'assume-role': 'Assume role',
  sso: 'SSO',
  'shared-config': 'AWS config',
};
