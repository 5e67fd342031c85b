import type { ImportMaterialInput } from '../../../../src-shared/schemas/create-key-input';

/** Where imported key material comes from and when it expires, as the wizards ask it. */
export interface MaterialDraft {
  readonly materialSource: 'generate' | 'file';
  readonly materialPath: string;
  readonly materialExpires: boolean;
  /** yyyy-mm-dd, end of that day UTC. */
  readonly validTo: string;
}

export const initialMaterial: MaterialDraft = {
  materialSource: 'generate',
  materialPath: '',
  materialExpires: false,
  validTo: '',
};

/** The end of that day in UTC; an unfinished date (still being typed) gives '' for the step check. */
function endOfDayUtc(date: string): string {
  const end = new Date(`${date}T23:59:59.000Z`);
  return Number.isNaN(end.getTime()) ? '' : end.toISOString();
}

export function toImportMaterial(draft: MaterialDraft): ImportMaterialInput {
  return {
    source:
      draft.materialSource === 'file'
        ? { kind: 'file', path: draft.materialPath.trim() }
        : { kind: 'generate' },
    expiry: draft.materialExpires
      ? { model: 'KEY_MATERIAL_EXPIRES', validTo: endOfDayUtc(draft.validTo) }
      : { model: 'KEY_MATERIAL_DOES_NOT_EXPIRE' },
  };
}

/** KMS accepts an expiry at most 365 days ahead (ImportKeyMaterial ValidTo). */
function latestExpiry(today: string): string {
  const latest = new Date(`${today}T00:00:00.000Z`);
  latest.setUTCDate(latest.getUTCDate() + 364);
  return latest.toISOString().slice(0, 10);
}

/** Problems with the material choices, by field. */
export function materialProblems(draft: MaterialDraft, today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (draft.materialSource === 'file' && !draft.materialPath.trim())
    problems['materialPath'] = 'The path of a file holding the 32 bytes of key material';
  if (draft.materialExpires) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.validTo)) problems['validTo'] = 'Pick the day it expires';
    else if (draft.validTo <= today) problems['validTo'] = 'A day after today';
    else if (draft.validTo > latestExpiry(today))
      problems['validTo'] = `At most a year ahead (${latestExpiry(today)}): KMS refuses later`;
  }
  return problems;
}

/** A one-line summary for review steps. */
export function materialSummary(material: ImportMaterialInput | undefined): string {
  return `Imported: ${material?.source.kind === 'file' ? `from ${material.source.path}` : 'generated here'}; ${
    material?.expiry.model === 'KEY_MATERIAL_EXPIRES'
      ? `expires ${material.expiry.validTo}`
      : 'does not expire'
  }`;
}
