import type { KeyRow } from '../../../../src-shared/models/kms-key';
import type { StepSpec } from '../../../../src-shared/models/workflow-plan';
import type { WorkflowRequest } from '../../../../src-shared/schemas/workflow-request';

/** The snapshot the wizard copies, as the route names it. */
export interface CopySource {
  readonly profileId: string;
  readonly region: string;
  readonly snapshotId: string;
}

export interface CopyChoices {
  readonly destinationRegion: string;
  /** The chosen key's ARN in the destination Region. */
  readonly kmsKeyId: string;
  readonly copyTags: boolean;
}

export const initialChoices: CopyChoices = { destinationRegion: '', kmsKeyId: '', copyTags: true };

export function toCopyRequest(source: CopySource, choices: CopyChoices): WorkflowRequest {
  return {
    job: 'copy-snapshot',
    profileId: source.profileId,
    sourceRegion: source.region,
    snapshotId: source.snapshotId,
    destinationRegion: choices.destinationRegion,
    kmsKeyId: choices.kmsKeyId,
    copyTags: choices.copyTags,
  };
}

/** What still keeps step 1 from going on, in the words the form shows. */
export function choiceProblems(source: CopySource, choices: CopyChoices): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!choices.destinationRegion) problems.region = 'Choose the Region to copy to';
  else if (choices.destinationRegion === source.region)
    problems.region = 'Choose a Region other than the snapshot’s';
  if (!choices.kmsKeyId) problems.key = 'Choose a key of the destination Region';
  return problems;
}

const isEbsDefault = (row: KeyRow) => row.aliases.includes('alias/aws/ebs');

/**
 * Keys CopySnapshot can encrypt with: symmetric encryption keys, customer managed first; of the
 * AWS managed keys only aws/ebs (same account). Disabled ones stay: preflight offers to enable them.
 */
export function usableKeys(rows: readonly KeyRow[]): KeyRow[] {
  const usable = rows.filter(
    (row) =>
      row.usage === 'ENCRYPT_DECRYPT' &&
      row.keySpec === 'SYMMETRIC_DEFAULT' &&
      (row.state === 'Enabled' || row.state === 'Disabled') &&
      (row.manager === 'customer' || isEbsDefault(row)),
  );
  const rank = (row: KeyRow) => (row.manager === 'customer' ? 0 : 1);
  return usable.sort((a, b) => rank(a) - rank(b) || keyLabel(a).localeCompare(keyLabel(b)));
}

export function keyLabel(row: KeyRow): string {
  const name = row.aliases[0] ?? row.keyId;
  const disabled = row.state === 'Disabled' ? ' — disabled' : '';
  return `${name}${row.manager === 'customer' ? '' : ' (AWS managed)'}${disabled}`;
}

/** The fixes the user ticked, as the engine wants them back. */
export function acceptedFixes(
  offered: readonly { readonly step: StepSpec }[],
  accepted: ReadonlySet<string>,
): StepSpec[] {
  return offered.map((fix) => fix.step).filter((step) => accepted.has(step.id));
}
