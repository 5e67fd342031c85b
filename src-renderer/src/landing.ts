/**
 * Where Keyward opens ("/" leads here): the first page where a new user can do something. Until
 * the key inventory is built, that is Profiles — the sandbox's demo identities are listed there,
 * ready to use, beside the buttons to add one's own.
 *
 * `module` is the page's source file (relative to src-renderer/), which
 * scripts/report-bundle-size.ts counts with the entry as "first-load" code.
 */
export const landing = {
  path: '/profiles',
  label: 'Profiles',
  module: 'src/pages/Profiles.page.tsx',
} as const;
