import type { WorkflowRequest } from '../../../../src-shared/schemas/workflow-request';

interface Place {
  readonly profileId: string;
  readonly region: string;
}
export interface SnapshotSource extends Place {
  readonly snapshotId: string;
}
export interface VolumeSource extends Place {
  readonly volumeId: string;
}
/** What the wizard re-encrypts, as the route names it: a snapshot or a volume. */
export type ReencryptSource = SnapshotSource | VolumeSource;

export interface ReencryptChoices {
  /** The chosen key's ARN, in the source's Region. */
  readonly kmsKeyId: string;
  readonly copyTags: boolean;
  /** Volume only: delete the intermediate snapshots once the new volume exists. */
  readonly deleteIntermediate: boolean;
}

export const initialChoices: ReencryptChoices = {
  kmsKeyId: '',
  copyTags: true,
  deleteIntermediate: false,
};

export const isVolume = (source: ReencryptSource): source is VolumeSource => 'volumeId' in source;
export const sourceId = (source: ReencryptSource) =>
  'volumeId' in source ? source.volumeId : source.snapshotId;

export function toReencryptRequest(
  source: ReencryptSource,
  choices: ReencryptChoices,
): WorkflowRequest {
  return {
    job: 'reencrypt',
    profileId: source.profileId,
    region: source.region,
    source:
      'volumeId' in source ? { volumeId: source.volumeId } : { snapshotId: source.snapshotId },
    kmsKeyId: choices.kmsKeyId,
    copyTags: choices.copyTags,
    deleteIntermediate: isVolume(source) && choices.deleteIntermediate,
  };
}

/** What keeps the Key step from going on, in the words the form shows. */
export function choiceProblems(
  choices: ReencryptChoices,
  currentKeyArn: string | null,
): Record<string, string> {
  if (!choices.kmsKeyId) return { key: 'Choose the key to re-encrypt with' };
  if (choices.kmsKeyId === currentKeyArn) return { key: 'Choose a key other than the current one' };
  return {};
}
