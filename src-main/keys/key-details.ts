import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  paginateListResourceTags,
  type KMSClient,
} from '@aws-sdk/client-kms';
import type { KeyRow } from '../../src-shared/models/kms-key';
import { collectPages } from '../aws/collect-pages';
import type { KeyDetails } from './build-row';
import { managerOf, multiRegionOf } from './build-row';
import { call, fetchError, stopsTheRead } from './calls';
import { asksRotationStatus, rotationModeOf } from './key-type';

/** DescribeKey alone (incremental refresh compares it with the row it has). */
export async function describeKey(kms: KMSClient, keyId: string, signal: AbortSignal | undefined) {
  const out = await call(
    () => kms.send(new DescribeKeyCommand({ KeyId: keyId }), { abortSignal: signal }),
    signal,
  );
  if (!out.KeyMetadata) throw new Error(`DescribeKey ${keyId} answered no KeyMetadata`);
  return out.KeyMetadata;
}

/**
 * The rest of a key's row after DescribeKey: rotation status (only where AWS answers it),
 * tags and the key policy, concurrently. A part that fails (e.g. GetKeyPolicy denied by the key
 * policy) leaves its field empty and says why in `fetchErrors`; the row still shows.
 */
export async function readKeyDetails(
  kms: KMSClient,
  metadata: NonNullable<KeyDetails['metadata']>,
  signal: AbortSignal | undefined,
): Promise<KeyDetails> {
  const keyId = metadata.KeyId ?? '';
  const fetchErrors: KeyRow['fetchErrors'] = [];
  const part = async <T>(name: string, read: () => Promise<T>): Promise<T | null> => {
    try {
      return await call(read, signal);
    } catch (error) {
      if (stopsTheRead(error, signal)) throw error;
      fetchErrors.push(fetchError(name, error));
      return null;
    }
  };
  const mode = rotationModeOf({
    keySpec: metadata.KeySpec ?? 'SYMMETRIC_DEFAULT',
    manager: managerOf(metadata),
    origin: metadata.Origin ?? 'AWS_KMS',
    multiRegionRole: multiRegionOf(metadata).role,
  });
  const options = { abortSignal: signal };
  const [rotation, tags, policy] = await Promise.all([
    asksRotationStatus(mode) && metadata.KeyState !== 'PendingImport'
      ? part('GetKeyRotationStatus', () =>
          kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }), options),
        )
      : Promise.resolve(null),
    part('ListResourceTags', async () => {
      const items = await collectPages(
        paginateListResourceTags({ client: kms }, { KeyId: keyId }, options),
        (page) => page.Tags,
      );
      return Object.fromEntries(items.map((tag) => [tag.TagKey ?? '', tag.TagValue ?? '']));
    }),
    part('GetKeyPolicy', async () => {
      const out = await kms.send(
        new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }),
        options,
      );
      return out.Policy ?? null;
    }),
  ]);
  return { metadata, rotation, tags, policy, fetchErrors };
}
