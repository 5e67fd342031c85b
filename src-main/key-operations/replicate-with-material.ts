import { describeKey, type KeyPlace } from './describe-key';
import { importMaterial, type Expiry } from './import-material';
import { kmsOf, type KeyContext } from './key-context';
import { replicateKey, type ReplicaOptions } from './multi-region';
import { waitWhileCreating } from './wait-for-key';

/**
 * One replica of a new primary; for imported material, the same material is imported into it
 * once AWS has finished creating it (a replica of an EXTERNAL key starts PendingImport).
 */
export async function replicateWithMaterial(
  ctx: KeyContext,
  primary: KeyPlace,
  region: string,
  options: ReplicaOptions,
  imported: { material: Buffer; expiry: Expiry } | null,
  step: (title: string) => void,
  signal: AbortSignal,
): Promise<{ region: string; arn: string; keyState: string }> {
  step(`Replicating to ${region}`);
  const { replica } = await replicateKey(ctx, primary, region, options);
  if (!imported) return { region, arn: replica.arn, keyState: replica.keyState };
  const at = { profileId: primary.profileId, region, keyId: replica.arn };
  await waitWhileCreating(ctx, at, signal);
  await importMaterial(
    await kmsOf(ctx, primary.profileId, region),
    replica.arn,
    imported.material,
    imported.expiry,
    (title) => step(`${title} (${region})`),
  );
  return { region, arn: replica.arn, keyState: (await describeKey(ctx, at)).keyState };
}
