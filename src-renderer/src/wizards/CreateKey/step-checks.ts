import { aliasName } from '../../../../src-shared/schemas/key-ref';
import type { CreateKeyDraft } from './create-key-form';

/** Problems that keep the user on a step, by field. */
export type StepProblems = Readonly<Record<string, string>>;

/** KMS accepts an expiry at most 365 days ahead (ImportKeyMaterial ValidTo). */
function latestExpiry(today: string): string {
  const latest = new Date(`${today}T00:00:00.000Z`);
  latest.setUTCDate(latest.getUTCDate() + 364);
  return latest.toISOString().slice(0, 10);
}

export function typeStepProblems(draft: CreateKeyDraft, today: string): StepProblems {
  const problems: Record<string, string> = {};
  if (draft.origin === 'EXTERNAL' && draft.materialSource === 'file' && !draft.materialPath.trim())
    problems['materialPath'] = 'The path of a file holding the 32 bytes of key material';
  if (draft.origin === 'EXTERNAL' && draft.materialExpires) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.validTo)) problems['validTo'] = 'Pick the day it expires';
    else if (draft.validTo <= today) problems['validTo'] = 'A day after today';
    else if (draft.validTo > latestExpiry(today))
      problems['validTo'] = `At most a year ahead (${latestExpiry(today)}): KMS refuses later`;
  }
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
