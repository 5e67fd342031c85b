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
