import { aliasName } from '../../../../src-shared/schemas/key-ref';
import { materialProblems } from '../shared/material-draft';
import type { CreateKeyDraft } from './create-key-form';

/** Problems that keep the user on a step, by field. */
export type StepProblems = Readonly<Record<string, string>>;

export function typeStepProblems(draft: CreateKeyDraft, today: string): StepProblems {
  const problems: Record<string, string> =
    draft.origin === 'EXTERNAL' ? materialProblems(draft, today) : {};
  if (draft.multiRegion && draft.replicaRegions.includes(draft.region))
    problems['replicaRegions'] = 'A replica goes to another Region than the primary';
  return problems;
}

export function namingStepProblems(draft: CreateKeyDraft): StepProblems {
  const problems: Record<string, string> = {};
  const alias = draft.alias.trim();
  if (alias) {
    const full = alias.startsWith('alias/') ? alias : `alias/${alias}`;
    const parsed = aliasName.safeParse(full);
    if (!parsed.success) problems['alias'] = parsed.error.issues[0]?.message ?? 'Not a valid alias';
  }
  const keys = draft.tags.map((t) => t.key.trim());
  draft.tags.forEach((tag, i) => {
    const key = tag.key.trim();
    if (!key && tag.value) problems[`tag${i}`] = 'A tag needs a key';
    else if (key.startsWith('aws:'))
      problems[`tag${i}`] = 'Tag keys starting with aws: are reserved';
    else if (key && keys.indexOf(key) !== i) problems[`tag${i}`] = 'This tag key is already used';
  });
  return problems;
}
