import type { z } from 'zod';
import type { StepSpec } from '../../../src-shared/models/workflow-plan';
import type { shareAmiRequest } from '../../../src-shared/schemas/workflow-request';
import { customerKey, describeKey } from '../../key-operations/describe-key';
import { callerOf, ec2Of, type KeyContext } from '../../key-operations/key-context';
import { backingSnapshotIds, describeImage, ebsDevices, type ImageFacts } from '../kinds/images';
import { describeSnapshot } from '../kinds/snapshots';
import type { Value } from '../step-kind';
import type { PlanDraft } from './plan-draft';

type ShareAmiRequest = z.output<typeof shareAmiRequest>;

/** The AMI the owner shares: the request's, or (aws/ebs) the copy a first step re-encrypts. */
interface Shared {
  readonly imageId: Value;
  /** The keys the target account gets a statement on: the backing snapshots' keys, or the chosen one. */
  readonly keys: readonly string[];
  readonly steps: StepSpec[];
}

/** The distinct keys of an AMI's encrypted backing snapshots, in device order. */
async function backingKeys(ctx: KeyContext, request: ShareAmiRequest, image: ImageFacts) {
  const ec2 = await ec2Of(ctx, request.profileId, request.region);
  const keys: string[] = [];
  for (const id of backingSnapshotIds(image)) {
    const snapshot = await describeSnapshot(ec2, id);
    if (snapshot.Encrypted && snapshot.KmsKeyId && !keys.includes(snapshot.KmsKeyId)) {
      keys.push(snapshot.KmsKeyId);
    }
  }
  return keys;
}

async function onAwsManagedKey(ctx: KeyContext, request: ShareAmiRequest, keys: readonly string[]) {
  const { profileId, region } = request;
  for (const keyId of keys) {
    if ((await describeKey(ctx, { profileId, region, keyId })).keyManager === 'AWS') return true;
  }
  return false;
}

/**
 * An AMI with a snapshot on aws/ebs cannot be shared (reference §3.6): with a key chosen, the
 * owner first copies it in place, every snapshot re-encrypted with that customer managed key, and
 * shares the copy. Without one, it is planned as it is and preflight refuses it, saying why.
 */
async function sharedImage(
  ctx: KeyContext,
  request: ShareAmiRequest,
  image: ImageFacts,
): Promise<Shared> {
  const { profileId, region, imageId } = request;
  const keys = await backingKeys(ctx, request, image);
  const chosen = request.reencryptKmsKeyId;
  if (chosen === undefined || !(await onAwsManagedKey(ctx, request, keys))) {
    return { imageId, keys, steps: [] };
  }
  const key = await customerKey(
    ctx,
    { profileId, region, keyId: chosen },
    'share what it encrypts',
  );
  const copy = { step: 'reencrypt', output: 'imageId' };
  const owner = { profileId, region };
  return {
    imageId: copy,
    keys: [key.arn],
    steps: [
      {
        id: 'reencrypt',
        kind: 'copy-image',
        ...owner,
        params: {
          sourceRegion: region,
          sourceImageId: imageId,
          sourceName: image.Name ?? imageId,
          kmsKeyId: key.arn,
        },
      },
    ],
  };
}

function targetSteps(request: ShareAmiRequest, image: ImageFacts, shared: Shared): StepSpec[] {
  const target = { profileId: request.targetProfileId, region: request.targetRegion };
  switch (request.then) {
    case 'none':
      return [];
    case 'copy-image':
      return [
        {
          id: 'copy',
          kind: 'copy-image',
          ...target,
          params: {
            sourceRegion: request.region,
            sourceImageId: shared.imageId,
            sourceName: image.Name ?? request.imageId,
            kmsKeyId: request.targetKmsKeyId,
            sharedBy: { profileId: request.profileId },
          },
        },
      ];
    case 'launch':
      return [
        {
          id: 'launch',
          kind: 'launch-instance',
          ...target,
          params: {
            imageId: shared.imageId,
            instanceType: request.instanceType ?? 't3.micro',
            devices: ebsDevices(image),
            kmsKeyId: request.targetKmsKeyId,
            ...(request.subnetId === undefined ? {} : { subnetId: request.subnetId }),
            ...(request.availabilityZone === undefined
              ? {}
              : { availabilityZone: request.availabilityZone }),
          },
        },
      ];
  }
}

const THEN_TITLE: Record<ShareAmiRequest['then'], (r: ShareAmiRequest) => string> = {
  none: () => '',
  'copy-image': (r) => `, copied there with ${r.targetKmsKeyId}`,
  launch: (r) => `, an instance launched there, its volumes encrypted with ${r.targetKmsKeyId}`,
};

/**
 * Share an AMI with another account (reference §3.3, §3.6): the target account may use the key
 * of every backing snapshot (one statement per key: an AMI may use several), the AMI gets a
 * launch permission; then the target copies it re-encrypted with its own key, or launches an
 * instance whose volumes are re-encrypted. Each key-policy step also evaluates the target's IAM
 * policies for its key (preflight offers an inline policy as the fix). An AMI on `aws/ebs` is
 * first copied re-encrypted with the customer managed key the user chose, and the copy shared.
 */
export async function planShareAmi(ctx: KeyContext, request: ShareAmiRequest): Promise<PlanDraft> {
  const { profileId, region, imageId, targetProfileId } = request;
  const image = await describeImage(await ec2Of(ctx, profileId, region), imageId);
  const shared = await sharedImage(ctx, request, image);
  const { keys } = shared;
  const target = await callerOf(ctx, targetProfileId, request.targetRegion);
  const owner = { profileId, region };
  const usesKeys = request.then !== 'none';
  const keySteps: StepSpec[] = keys.map((keyId, index) => ({
    id: keys.length === 1 ? 'key-policy' : `key-policy-${index + 1}`,
    kind: 'add-key-policy-statement',
    ...owner,
    params: {
      keyId,
      accountId: target.account,
      viaEc2Only: request.viaEc2Only,
      ...(usesKeys
        ? {
            targetProfileId,
            targetFixId: keys.length === 1 ? 'target-iam' : `target-iam-${index + 1}`,
            targetPurpose: request.then === 'launch' ? 'launch' : 'copy',
          }
        : {}),
    },
  }));
  return {
    job: 'share-ami',
    title: `Share AMI ${imageId} with account ${target.account}${THEN_TITLE[request.then](request)}`,
    variables: [
      {
        name: 'OWNER_PROFILE',
        kind: 'profile',
        value: profileId,
        about: 'The AWS CLI profile of the account that owns the AMI',
      },
      {
        name: 'TARGET_PROFILE',
        kind: 'profile',
        value: targetProfileId,
        about: 'The AWS CLI profile of the account the AMI is shared with',
      },
    ],
    steps: [
      ...shared.steps,
      ...keySteps,
      {
        id: 'share',
        kind: 'add-launch-permission',
        ...owner,
        params: { imageId: shared.imageId, accountId: target.account },
      },
      ...targetSteps(request, image, shared),
    ],
  };
}
