import { z } from 'zod';
import { isKnownRegion } from '../../http/regions';
import { defineOperation } from '../define-operation';
import { alreadyExists, unsupported, validationError } from './errors';
import { accessKey, addKeyToTrail, authorizeKey } from './key-access';
import { stateProblem } from './key-state';
import { keyMetadata } from './key-metadata';
import { checkNewPolicy, checkTags } from './key-policy-checks';
import { relatedKeys } from './material-versions';
import { KMS_KEY, keyArnOf, scopeOf, type KmsKeyDoc, type MaterialEntry } from './model';
import { defaultKeyPolicy } from './policies';
import { BOOL, DESCRIPTION, KEY_ID, kmsTrailMembers, POLICY, REGION, TAGS } from './schemas';

const isPrimary = (key: KmsKeyDoc) => key.multiRegion?.primaryRegion === key.region;

function requirePrimary(key: KmsKeyDoc): void {
  if (!isPrimary(key)) {
    throw unsupported(`${key.arn} is not a multi-Region primary key.`);
  }
}

/** Imported material is not shared: each replica needs the same material imported. */
function replicaMaterials(key: KmsKeyDoc): Record<string, MaterialEntry> {
  if (key.origin !== 'EXTERNAL') return { ...key.materials };
  const out: Record<string, MaterialEntry> = {};
  for (const [id, m] of Object.entries(key.materials)) {
    const { material: _m, validTo: _v, expirationModel: _e, ...rest } = m;
    out[id] = { ...rest, importState: 'PENDING_IMPORT' };
  }
  return out;
}

export const replicateKey = defineOperation({
  input: z.object({
    KeyId: KEY_ID,
    ReplicaRegion: REGION,
    Policy: POLICY.optional(),
    BypassPolicyLockoutSafetyCheck: BOOL.optional(),
    Description: DESCRIPTION.optional(),
    Tags: TAGS.optional(),
  }),
  handler: (ctx, input) => {
    const region = input.ReplicaRegion;
    const key = accessKey(
      ctx,
      input.KeyId,
      'ReplicateKey',
      { 'kms:ReplicaRegion': region },
      requirePrimary,
    );
    if (!isKnownRegion(region) || region === key.region) {
      throw validationError(`${region} is not a valid replica Region for ${key.arn}.`);
    }
    const existing = ctx.store.get(KMS_KEY, { account: key.account, region }, key.keyId);
    if (existing) {
      throw alreadyExists(`${keyArnOf(region, key.account, key.keyId)} already exists.`);
    }
    // The replica is created by a CreateKey in the replica Region (IAM permission there).
    ctx.authorize('kms:CreateKey', '*', { 'aws:RequestedRegion': region });
    const tags = input.Tags ?? [];
    if (tags.length > 0) ctx.authorize('kms:TagResource', '*', { 'aws:RequestedRegion': region });
    checkTags(tags);
    const arn = keyArnOf(region, key.account, key.keyId);
    const policy = input.Policy ?? defaultKeyPolicy(key.account);
    if (input.Policy !== undefined) {
      checkNewPolicy(ctx, input.Policy, arn, input.BypassPolicyLockoutSafetyCheck === true);
    }
    const external = key.origin === 'EXTERNAL';
    const { deletionDate: _d, pendingWindowInDays: _w, ...shared } = key;
    const replica: KmsKeyDoc = {
      ...shared,
      arn,
      region,
      creationDate: ctx.now().getTime(),
      description: input.Description ?? '',
      policy,
      tags,
      keyState: external ? 'PendingImport' : 'Enabled',
      materials: replicaMaterials(key),
    };
    ctx.store.put(KMS_KEY, scopeOf(replica), replica.keyId, replica);
    addKeyToTrail(ctx, replica);
    // AWS answers while the replica is still being created; the sandbox finishes at once.
    const metadata = { ...keyMetadata(ctx.store, replica), KeyState: 'Creating', Enabled: false };
    ctx.recordEvent({
      eventName: 'CreateKey',
      readOnly: false,
      awsRegion: region,
      requestParameters: kmsTrailMembers({ Description: replica.description, MultiRegion: true }),
      responseElements: kmsTrailMembers({ KeyMetadata: metadata }),
      resources: [{ accountId: key.account, type: 'AWS::KMS::Key', ARN: arn }],
    });
    return { ReplicaKeyMetadata: metadata, ReplicaPolicy: policy, ReplicaTags: tags };
  },
  responseElements: (out) => kmsTrailMembers({ ReplicaKeyMetadata: out.ReplicaKeyMetadata }),
});

export const updatePrimaryRegion = defineOperation({
  input: z.object({ KeyId: KEY_ID, PrimaryRegion: REGION }),
  handler: (ctx, input) => {
    const context = { 'kms:PrimaryRegion': input.PrimaryRegion };
    const key = accessKey(ctx, input.KeyId, 'UpdatePrimaryRegion', context, requirePrimary);
    const related = relatedKeys(ctx.store, key);
    const target = related.find((k) => k.region === input.PrimaryRegion);
    if (!target) {
      throw unsupported(`${key.arn} has no replica in ${input.PrimaryRegion}.`);
    }
    addKeyToTrail(ctx, target);
    authorizeKey(ctx, target, 'UpdatePrimaryRegion', context);
    const problem = stateProblem(target, 'UpdatePrimaryRegion');
    if (problem) throw problem;
    // Both keys pass through `Updating` for a few seconds in AWS; the sandbox switches at once.
    for (const k of [key, ...related]) {
      ctx.store.put(KMS_KEY, scopeOf(k), k.keyId, {
        ...k,
        multiRegion: { primaryRegion: input.PrimaryRegion },
      });
    }
    return {};
  },
});
