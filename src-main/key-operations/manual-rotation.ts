import { CreateKeyCommand, UpdateAliasCommand } from '@aws-sdk/client-kms';
import { z } from 'zod';
import { KeywardError } from '../../src-shared/errors';
import type { ManualRotationResult } from '../../src-shared/models/key-changes';
import {
  keySpecs,
  keyUsages,
  type ImportMaterialInput,
} from '../../src-shared/schemas/create-key-input';
import { awsKeyMetadata, parseAws, toKeyMetadata } from './aws-shapes';
import { customerKey, describeKey, type KeyPlace } from './describe-key';
import { kmsOf, type KeyContext } from './key-context';
import { readPolicy } from './key-detail';
import { scheduleDeletion } from './key-lifecycle';
import { listAliases, listTags } from './key-lists';
import { importMaterial, materialFrom, wipe } from './import-material';
import { afterCreated, stepper, type Progress } from './progress-steps';
import { replicateWithMaterial } from './replicate-with-material';

export interface ManualRotationOptions {
  readonly aliases?: readonly string[] | undefined;
  readonly scheduleOldKeyDeletionInDays?: number | undefined;
  readonly importMaterial?: ImportMaterialInput | undefined;
}

const createdSchema = z.object({ KeyMetadata: awsKeyMetadata });

const defaultImport: ImportMaterialInput = {
  source: { kind: 'generate' },
  expiry: { model: 'KEY_MATERIAL_DOES_NOT_EXPIRE' },
};

/**
 * Rotation by hand, for keys AWS cannot rotate (asymmetric, HMAC, imported material) or on a
 * schedule of one's own (seed-kms-notes.md): a new key like the old one, the aliases moved to it,
 * the old key left enabled so that what it encrypted still decrypts.
 */
export async function rotateManually(
  ctx: KeyContext,
  ref: KeyPlace,
  options: ManualRotationOptions,
  progress: Progress,
): Promise<ManualRotationResult> {
  const old = await customerKey(ctx, ref, 'rotate the key');
  if (old.multiRegionConfiguration?.role === 'REPLICA') {
    throw new KeywardError('invalid-state', `${old.arn} is a multi-Region replica.`, {
      hint: 'Rotate the primary key by hand instead; its replicas are made again from the new primary.',
    });
  }
  const spec = z.enum(keySpecs).safeParse(old.keySpec);
  const usage = z.enum(keyUsages).safeParse(old.keyUsage);
  if (!spec.success || !usage.success) {
    throw new KeywardError(
      'invalid-state',
      `Keyward cannot make a ${old.keySpec} key for ${old.keyUsage} to rotate ${old.arn} by hand.`,
      {
        hint: 'Create the new key with the AWS CLI, then re-point the aliases from the key’s page.',
      },
    );
  }
  const kms = await kmsOf(ctx, ref.profileId, ref.region);
  const imported = old.origin === 'EXTERNAL';
  const replicaRegions = old.multiRegionConfiguration?.replicas.map((r) => r.region) ?? [];
  const [policy, tags, current] = await Promise.all([
    readPolicy(kms, old.arn),
    listTags(kms, old.arn),
    listAliases(kms, old.keyId),
  ]);
  const aliases = options.aliases ?? current.map((a) => a.aliasName);
  const strays = aliases.filter((name) => !current.some((a) => a.aliasName === name));
  if (strays.length > 0) {
    throw new KeywardError('validation', `${strays.join(', ')} does not point at ${old.arn}.`, {
      hint: 'Choose among the key’s own aliases.',
    });
  }
  const steps = stepper(
    progress,
    1 +
      (imported ? 2 : 0) * (1 + replicaRegions.length) +
      replicaRegions.length +
      aliases.length +
      (options.scheduleOldKeyDeletionInDays ? 1 : 0) +
      1,
  );
  const material = imported
    ? await materialFrom((options.importMaterial ?? defaultImport).source)
    : null;
  try {
    steps.next('Creating the new key');
    const answer = await kms.send(
      new CreateKeyCommand({
        KeySpec: spec.data,
        KeyUsage: usage.data,
        Origin: imported ? 'EXTERNAL' : 'AWS_KMS',
        MultiRegion: old.multiRegion,
        Description: old.description,
        Policy: policy,
        ...(tags.length > 0
          ? { Tags: tags.map((t) => ({ TagKey: t.key, TagValue: t.value })) }
          : {}),
      }),
    );
    const created = toKeyMetadata(parseAws(createdSchema, answer, 'CreateKey').KeyMetadata);
    let during = 'importing the key material';
    try {
      if (material) {
        await importMaterial(
          kms,
          created.arn,
          material,
          (options.importMaterial ?? defaultImport).expiry,
          steps.next,
        );
      }
      // The old key's replicas get their successor too, so every Region can decrypt what the new key encrypts.
      const imports = material
        ? { material, expiry: (options.importMaterial ?? defaultImport).expiry }
        : null;
      for (const region of replicaRegions) {
        during = `replicating the new key to ${region}`;
        await replicateWithMaterial(
          ctx,
          { ...ref, keyId: created.arn },
          region,
          { description: old.description, tags, policy },
          imports,
          steps.next,
          progress.signal,
        );
      }
      for (const alias of aliases) {
        during = `re-pointing ${alias}`;
        steps.next(`Re-pointing ${alias} to the new key`);
        await kms.send(new UpdateAliasCommand({ AliasName: alias, TargetKeyId: created.keyId }));
      }
      let oldKeyDeletionDate: string | null = null;
      if (options.scheduleOldKeyDeletionInDays) {
        during = 'scheduling the old key’s deletion';
        steps.next(
          `Scheduling the old key’s deletion in ${options.scheduleOldKeyDeletionInDays} days`,
        );
        oldKeyDeletionDate = (
          await scheduleDeletion(ctx, ref, options.scheduleOldKeyDeletionInDays)
        ).deletionDate;
      }
      during = 'reading the keys back';
      steps.next('Reading both keys back');
      const [newKey, oldKey] = await Promise.all([
        describeKey(ctx, { ...ref, keyId: created.arn }),
        describeKey(ctx, ref),
      ]);
      return { oldKey, newKey, aliases: [...aliases], oldKeyDeletionDate };
    } catch (error) {
      throw afterCreated(`The new key ${created.arn}`, during, error);
    }
  } finally {
    if (material) wipe(material);
  }
}
