import type { AmiRow } from '../../../../src-shared/models/ami';
import type { WorkflowRequest } from '../../../../src-shared/schemas/workflow-request';

/** The AMI the wizard shares, as the route names it. */
export interface AmiSource {
  readonly profileId: string;
  readonly region: string;
  readonly imageId: string;
}

/** What the target account does once the AMI is shared. */
export type ShareAmiThen = 'copy-image' | 'launch' | 'none';

export interface ShareAmiChoices {
  readonly targetProfileId: string;
  readonly targetRegion: string;
  /** The chosen key's ARN: the target's, in the target Region. */
  readonly kmsKeyId: string;
  readonly then: ShareAmiThen;
  readonly instanceType: string;
  /** A customer managed key of the owner (ARN), for an AMI with a snapshot on aws/ebs. */
  readonly reencryptKmsKeyId: string;
}

/** What the wizard knows of the AMI: a snapshot on aws/ebs needs a re-encrypted copy; null: not read yet. */
export interface ShareAmiFacts {
  readonly onAwsManagedKey: boolean | null;
}

export const initialChoices = (source: AmiSource): ShareAmiChoices => ({
  targetProfileId: '',
  targetRegion: source.region,
  kmsKeyId: '',
  then: 'copy-image',
  instanceType: 't3.micro',
  reencryptKmsKeyId: '',
});

export function toShareAmiRequest(
  source: AmiSource,
  choices: ShareAmiChoices,
  facts: ShareAmiFacts,
): WorkflowRequest {
  return {
    job: 'share-ami',
    profileId: source.profileId,
    region: source.region,
    imageId: source.imageId,
    targetProfileId: choices.targetProfileId,
    targetRegion: choices.targetRegion,
    targetKmsKeyId: choices.kmsKeyId,
    viaEc2Only: true,
    then: choices.then,
    ...(choices.then === 'launch' ? { instanceType: choices.instanceType } : {}),
    ...(facts.onAwsManagedKey === true && choices.reencryptKmsKeyId
      ? { reencryptKmsKeyId: choices.reencryptKmsKeyId }
      : {}),
  };
}

/** The keys behind the AMI's encrypted disks, each once, with the snapshots on it. */
export function amiKeys(row: AmiRow | undefined) {
  const byKey = new Map<
    string,
    { keyArn: string; label: string; awsManaged: boolean; snapshots: string[] }
  >();
  for (const disk of row?.disks ?? []) {
    const key = disk.encryption.key;
    if (!disk.encryption.encrypted || !key || !disk.snapshotId) continue;
    const entry = byKey.get(key.keyArn) ?? {
      keyArn: key.keyArn,
      label: key.aliases[0] ?? key.keyId,
      awsManaged: key.manager === 'aws',
      snapshots: [],
    };
    entry.snapshots.push(disk.snapshotId);
    byKey.set(key.keyArn, entry);
  }
  return [...byKey.values()];
}

const INSTANCE_TYPE = /^[a-z0-9-]+\.[a-z0-9-]+$/;

/** What still keeps choice step `step` (0 Target, 1 Then) from going on, in the form's words. */
export function choiceProblems(
  source: AmiSource,
  choices: ShareAmiChoices,
  facts: ShareAmiFacts,
  step: number,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (step === 0) {
    if (!choices.targetProfileId) problems.target = 'Choose the profile of the other account';
    if (!choices.targetRegion) problems.region = 'Choose the Region the target works in';
    if (!choices.kmsKeyId) problems.key = 'Choose a key of the target account';
  }
  if (step === 1 && facts.onAwsManagedKey === true && !choices.reencryptKmsKeyId) {
    problems.reencrypt = 'Choose a customer managed key to re-encrypt the copy with';
  }
  if (step === 1 && choices.then === 'launch') {
    if (choices.targetRegion !== source.region) {
      problems.then = `A shared AMI launches only in its own Region (${source.region}): choose ${source.region} as the target Region, or copy the AMI instead.`;
    }
    if (!INSTANCE_TYPE.test(choices.instanceType)) {
      problems.instanceType = 'An instance type, such as t3.micro';
    }
  }
  return problems;
}
