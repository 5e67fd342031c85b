import type { ProfileSummary } from '../../../../src-shared/models/profile';
import type { WorkflowRequest } from '../../../../src-shared/schemas/workflow-request';

/** The snapshot the wizard shares, as the route names it. */
export interface ShareSource {
  readonly profileId: string;
  readonly region: string;
  readonly snapshotId: string;
}

export interface ShareChoices {
  readonly targetProfileId: string;
  readonly targetRegion: string;
  /** A key of the target profile in the target Region (ARN): its copy is encrypted with it. */
  readonly targetKmsKeyId: string;
  readonly viaEc2Only: boolean;
  readonly stopAfterShare: boolean;
  /** A customer managed key of the owner (ARN), for a snapshot on aws/ebs. */
  readonly reencryptKmsKeyId: string;
  /** '' for no volume; else the zone (of the target Region) the target's volume is made in. */
  readonly volumeAvailabilityZone: string;
}

export const initialShareChoices = (source: ShareSource): ShareChoices => ({
  targetProfileId: '',
  targetRegion: source.region,
  targetKmsKeyId: '',
  viaEc2Only: true,
  stopAfterShare: false,
  reencryptKmsKeyId: '',
  volumeAvailabilityZone: '',
});

export function toShareRequest(
  source: ShareSource,
  choices: ShareChoices,
  facts: ShareFacts,
): WorkflowRequest {
  return {
    job: 'share-snapshot',
    profileId: source.profileId,
    region: source.region,
    snapshotId: source.snapshotId,
    targetProfileId: choices.targetProfileId,
    targetRegion: choices.targetRegion,
    targetKmsKeyId: choices.targetKmsKeyId,
    viaEc2Only: choices.viaEc2Only,
    stopAfterShare: choices.stopAfterShare,
    ...(facts.onAwsManagedKey !== false && choices.reencryptKmsKeyId
      ? { reencryptKmsKeyId: choices.reencryptKmsKeyId }
      : {}),
    ...(choices.volumeAvailabilityZone
      ? { volumeAvailabilityZone: choices.volumeAvailabilityZone }
      : {}),
  };
}

/** What the wizard knows of the source and the profiles to check the choices against. */
export interface ShareFacts {
  readonly ownerAccount: string | null;
  readonly profiles: readonly ProfileSummary[];
  /** The snapshot is on aws/ebs (an AWS managed key): it needs a re-encrypted copy; null: unknown. */
  readonly onAwsManagedKey: boolean | null;
}

/** What keeps the Target step (0) or the Options step (1) from going on, in the form's words. */
export function shareProblems(
  step: number,
  choices: ShareChoices,
  facts: ShareFacts,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (step === 0) {
    const target = facts.profiles.find((p) => p.id === choices.targetProfileId);
    if (!target) problems.profile = 'Choose the profile of the account to share with';
    else if (target.accountId !== null && target.accountId === facts.ownerAccount)
      problems.profile = 'This profile is in the snapshot’s own account: choose another account’s';
    if (!choices.targetRegion) problems.region = 'Choose the Region the other account copies to';
    if (!choices.targetKmsKeyId)
      problems.key = 'Choose the key the other account’s copy is encrypted with';
  }
  if (step === 1 && facts.onAwsManagedKey === true && !choices.reencryptKmsKeyId) {
    problems.reencrypt = 'Choose a customer managed key to re-encrypt the copy with';
  }
  const zone = choices.volumeAvailabilityZone;
  if (step === 1 && zone && !new RegExp(`^${choices.targetRegion}[a-z]$`).test(zone)) {
    problems.zone = `A zone of ${choices.targetRegion || 'the target Region'}, like ${choices.targetRegion || 'us-east-1'}a`;
  }
  return problems;
}
