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
import { afterCreated, stepper, type Progress } from './progress-steps';
import { replicateWithMaterial } from './replicate-with-material';

const createdSchema = z.object({ KeyMetadata: awsKeyMetadata });

function stepCount(input: CreateKeyInput): number {
  const imports = input.origin === 'EXTERNAL' ? 2 : 0;
  return (
    (input.policy ? 1 : 0) +
    1 +
    imports +
    (input.alias ? 1 : 0) +
    input.replicaRegions.length * (1 + imports) +
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

/**
 * Creates a key and everything the wizard asked for, one reported step at a time: the policy's
 * lockout check, CreateKey, for imported material the whole BYOK flow (the material only ever in
 * memory, zeroed at the end), the alias, then each replica (with the same material imported).
 */
export async function createKey(
  ctx: KeyContext,
  input: CreateKeyInput,
  progress: Progress,
): Promise<CreateKeyResult> {
  const steps = stepper(progress, stepCount(input));
  const kms = await kmsOf(ctx, input.profileId, input.region);
  if (input.policy) {
    steps.next('Checking the key policy');
    const caller = await callerOf(ctx, input.profileId, input.region);
    checkPolicyForCaller(
      input.policy,
      caller.arn,
      `arn:aws:kms:${input.region}:${caller.account}:key/*`,
    );
  }
  const material = input.importMaterial ? await materialFrom(input.importMaterial.source) : null;
  try {
    steps.next('Creating the key');
    const created = await sendCreateKey(kms, input);
    let during = 'a later step';
    try {
      let importedMaterial: CreateKeyResult['importedMaterial'] = null;
      if (material && input.importMaterial) {
        during = 'importing the key material';
        importedMaterial = await importMaterial(
          kms,
          created.arn,
          material,
          input.importMaterial.expiry,
          steps.next,
        );
      }
      if (input.alias) {
        during = `creating the alias ${input.alias}`;
        steps.next(`Creating the alias ${input.alias}`);
        await kms.send(
          new CreateAliasCommand({ AliasName: input.alias, TargetKeyId: created.keyId }),
        );
      }
      const replicas: CreateKeyResult['replicas'] = [];
      const primary = { profileId: input.profileId, region: input.region, keyId: created.arn };
      const imported =
        material && input.importMaterial ? { material, expiry: input.importMaterial.expiry } : null;
      for (const region of input.replicaRegions) {
        during = `replicating to ${region}`;
        const options = {
          description: input.description,
          tags: input.tags,
          ...(input.policy ? { policy: input.policy } : {}),
        };
        replicas.push(
          await replicateWithMaterial(
            ctx,
            primary,
            region,
            options,
            imported,
            steps.next,
            progress.signal,
          ),
        );
      }
      during = 'reading the key back';
      steps.next('Reading the new key back');
      const metadata = await describeKey(ctx, { ...input, keyId: created.arn });
      return { metadata, alias: input.alias ?? null, replicas, importedMaterial };
    } catch (error) {
      throw afterCreated(created.arn, during, error);
    }
  } finally {
    if (material) wipe(material);
  }
}
