// Generic section operations the edits share: map over the sections of one kind, and insert a
// new section where the console would put it.
import type { KeyPolicySection, KeyPolicyView, UnderstoodSection } from './key-policy-view';

type Kind = UnderstoodSection['kind'];
type SectionOf<K extends Kind> = Extract<KeyPolicySection, { kind: K }>;

const CONSOLE_ORDER: readonly Kind[] = [
  'account-root',
  'administrators',
  'users',
  'attachment',
  'service',
];

export function sectionsOf<K extends Kind>(view: KeyPolicyView, kind: K): readonly SectionOf<K>[] {
  return view.sections.filter((section): section is SectionOf<K> => section.kind === kind);
}

/**
 * Rewrites every section of `kind` with `change`; a section `change` returns `undefined` for
 * (no principals left) is dropped.
 */
export function updateSections<K extends Kind>(
  view: KeyPolicyView,
  kind: K,
  change: (section: SectionOf<K>) => SectionOf<K> | undefined,
): KeyPolicyView {
  const sections: KeyPolicySection[] = [];
  for (const section of view.sections) {
    if (section.kind !== kind) {
      sections.push(section);
      continue;
    }
    const changed = change(section as SectionOf<K>);
    if (changed !== undefined) sections.push(changed);
  }
  return { ...view, sections };
}

/** Rewrites only the first section of `kind`, or inserts `created` when there is none. */
export function updateFirstOrInsert<K extends Kind>(
  view: KeyPolicyView,
  kind: K,
  change: (section: SectionOf<K>) => SectionOf<K>,
  created: SectionOf<K>,
): KeyPolicyView {
  const at = view.sections.findIndex((section) => section.kind === kind);
  if (at < 0) return insertSection(view, created);
  const sections = [...view.sections];
  sections[at] = change(view.sections[at] as SectionOf<K>);
  return { ...view, sections };
}

function sidOf(section: KeyPolicySection): string | undefined {
  return section.sid;
}

/** KMS refuses repeated Sids: `Allow use of the key` becomes `Allow use of the key 2` if taken. */
function unusedSid(view: KeyPolicyView, sid: string | undefined): string | undefined {
  if (sid === undefined) return undefined;
  const taken = new Set(view.sections.map(sidOf));
  let candidate = sid;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${sid} ${n}`;
  return candidate;
}

/**
 * After the last understood section that comes earlier in the console's order, else first;
 * its Sid made unique.
 */
export function insertSection(view: KeyPolicyView, created: UnderstoodSection): KeyPolicyView {
  const sid = unusedSid(view, created.sid);
  const section = sid === undefined ? created : { ...created, sid };
  const rank = CONSOLE_ORDER.indexOf(section.kind);
  let at = 0;
  view.sections.forEach((existing, i) => {
    if (existing.kind === 'not-understood') return;
    if (CONSOLE_ORDER.indexOf(existing.kind) <= rank) at = i + 1;
  });
  const sections = [...view.sections];
  sections.splice(at, 0, section);
  return { ...view, sections };
}
