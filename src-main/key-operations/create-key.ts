import { CreateAliasCommand, CreateKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { z } from 'zod';
import type { CreateKeyResult } from '../../src-shared/models/key-changes';
import type { KeyMetadata } from '../../src-shared/models/key-metadata';
import type { CreateKeyInput } from '../../src-shared/schemas/create-key-input';
import { awsKeyMetadata, parseAws, toKeyMetadata } from './aws-shapes';
import { describeKey } from './describe-key';
import { callerOf, kmsOf, type KeyContext } from './key-context';
import { checkPolicyForCaller } from './key-policy';
import { importMaterial, materialFrom, wipe } from './import-material';
import { fullPlan, materialNeeded, remainingPlan, type CreateKeyPlan } from './create-key-plan';
import { tagKey } from './key-tags';
import { updateDescription } from './key-lifecycle';
import { afterCreated, stepper, type Progress } from './progress-steps';
import { replicateWithMaterial } from './replicate-with-material';

const createdSchema = z.object({ KeyMetadata: awsKeyMetadata });

function stepCount(input: CreateKeyInput, plan: CreateKeyPlan): number {
  const imports = input.origin === 'EXTERNAL' ? 2 : 0;
  return (
    (plan.existing ? 0 : (input.policy ? 1 : 0) + 1) +
    (plan.importPrimary ? 2 : 0) +
    (plan.alias ? 1 : 0) +
    (plan.labels ? 1 : 0) +
    plan.replicaRegions.length * (1 + imports) +
    1
  );
}

async function sendCreateKey(kms: KMSClient, input: CreateKeyInput): Promise<KeyMetadata> {
  const answer = await kms.send(
    new CreateKeyCommand({
      KeySpec: input.keySpec,
      KeyUsage: input.keyUsage,
      Origin: input.origin,
      MultiRegion: input.multiRegion,
      Description: input.description,
      ...(input.policy ? { Policy: input.policy } : {}),
      ...(input.tags.length > 0
        ? { Tags: input.tags.map((t) => ({ TagKey: t.key, TagValue: t.value })) }
        : {}),
      // BypassPolicyLockoutSafetyCheck is never sent: AWS's own lockout check always runs.
    }),
  );
  return toKeyMetadata(parseAws(createdSchema, answer, 'CreateKey').KeyMetadata);
}

/** The description and tags again, for a key an earlier attempt made (both calls are idempotent). */
async function relabel(ctx: KeyContext, input: CreateKeyInput, key: KeyMetadata): Promise<void> {
  const ref = { profileId: input.profileId, region: input.region, keyId: key.arn };
  if (key.description !== input.description) await updateDescription(ctx, ref, input.description);
  if (input.tags.length > 0) await tagKey(ctx, ref, input.tags);
}

/**
 * Creates a key and everything the wizard asked for, one reported step at a time: the policy's
 * lockout check, CreateKey, for imported material the whole BYOK flow (the material only ever in
 * memory, zeroed at the end), the alias, then each replica (with the same material imported).
 * With `continueKeyId` it does only what that key still lacks (see create-key-plan.ts).
 */
export async function createKey(
  ctx: KeyContext,
  input: CreateKeyInput,
  progress: Progress,
): Promise<CreateKeyResult> {
  const kms = await kmsOf(ctx, input.profileId, input.region);
  const plan = input.continueKeyId
    ? await remainingPlan(ctx, kms, input, input.continueKeyId)
    : fullPlan(input);
  const steps = stepper(progress, stepCount(input, plan));
  if (input.policy && !plan.existing) {
    steps.next('Checking the key policy');
    const caller = await callerOf(ctx, input.profileId, input.region);
    checkPolicyForCaller(
      input.policy,
      caller.arn,
      `arn:aws:kms:${input.region}:${caller.account}:key/*`,
    );
  }
  const material =
    input.importMaterial && materialNeeded(input, plan)
      ? await materialFrom(input.importMaterial.source)
      : null;
  try {
    if (!plan.existing) steps.next('Creating the key');
    const created = plan.existing ?? (await sendCreateKey(kms, input));
    steps.report({ createdKey: { keyId: created.keyId, arn: created.arn } });
    const doing = { step: 'a later step' };
    try {
      return await finishKey(
        ctx,
        { kms, input, plan, created, material, doing },
        steps.next,
        progress,
      );
    } catch (error) {
      throw afterCreated(`The key ${created.arn}`, doing.step, error, {
        keyId: created.keyId,
        arn: created.arn,
      });
    }
  } finally {
    if (material) wipe(material);
  }
}

interface Made {
  readonly kms: KMSClient;
  readonly input: CreateKeyInput;
  readonly plan: CreateKeyPlan;
  readonly created: KeyMetadata;
  readonly material: Buffer | null;
  /** The step under way, for the error that says which one failed. */
  readonly doing: { step: string };
}

/** Everything after CreateKey that the plan still lists, in order. */
async function finishKey(
  ctx: KeyContext,
  { kms, input, plan, created, material, doing }: Made,
  next: (title: string) => void,
  progress: Progress,
): Promise<CreateKeyResult> {
  let importedMaterial: CreateKeyResult['importedMaterial'] = null;
  if (material && input.importMaterial && plan.importPrimary) {
    doing.step = 'importing the key material';
    importedMaterial = await importMaterial(
      kms,
      created.arn,
      material,
      input.importMaterial.expiry,
      next,
    );
  }
  if (input.alias && plan.alias) {
    doing.step = `creating the alias ${input.alias}`;
    next(`Creating the alias ${input.alias}`);
    await kms.send(new CreateAliasCommand({ AliasName: input.alias, TargetKeyId: created.keyId }));
  }
  if (plan.labels) {
    doing.step = 'setting the description and tags';
    next('Setting the description and tags');
    await relabel(ctx, input, created);
  }
  const replicas: CreateKeyResult['replicas'] = [];
  const primary = { profileId: input.profileId, region: input.region, keyId: created.arn };
  const imported =
    material && input.importMaterial ? { material, expiry: input.importMaterial.expiry } : null;
  const options = {
    description: input.description,
    tags: input.tags,
    ...(input.policy ? { policy: input.policy } : {}),
  };
  for (const region of plan.replicaRegions) {
    doing.step = `replicating to ${region}`;
    replicas.push(
      await replicateWithMaterial(ctx, primary, region, options, imported, next, progress.signal),
    );
  }
  doing.step = 'reading the key back';
  next('Reading the new key back');
  const metadata = await describeKey(ctx, primary);
  return { metadata, alias: input.alias ?? null, replicas, importedMaterial };
}
