import type { KeyMetadata } from '@aws-sdk/client-kms';

/**
 * What of DescribeKey a row shows: when it is unchanged, an incremental refresh keeps the row's
 * rotation, tags and policy instead of reading them again. (Those three can change without
 * DescribeKey showing it; refreshing the key, or a full refresh, reads them.)
 */
export function metadataFingerprint(metadata: KeyMetadata): string {
  return JSON.stringify([
    metadata.KeyState,
    metadata.Description,
    metadata.KeyManager,
    metadata.KeySpec,
    metadata.KeyUsage,
    metadata.Origin,
    metadata.DeletionDate?.getTime() ?? null,
    metadata.ValidTo?.getTime() ?? null,
    metadata.MultiRegionConfiguration ?? null,
    metadata.CurrentKeyMaterialId ?? null,
  ]);
}
