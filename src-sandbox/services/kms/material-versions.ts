import { randomBytes } from 'node:crypto';
import { REGIONS } from '../../http/regions';
import type { StoreWriter } from '../../state/store-types';
import type { UserIdentity } from '../../trail/types';
import type { ServiceContext } from '../types';
import { generateMaterial, type SerializedMaterial } from './crypto';
import { KMS_KEY, scopeOf, type KmsKeyDoc, type MaterialEntry, type RotationEntry } from './model';

export const KMS_EVENT_SOURCE = 'kms.amazonaws.com';

/** Key material ids are 64 lower-case hex characters (reference §2.1). */
export const newMaterialId = (): string => randomBytes(32).toString('hex');

/** Fresh AWS_KMS material as a material entry. */
export function generatedEntry(key: Pick<KmsKeyDoc, 'keySpec'>, at: number): MaterialEntry {
  return { material: generateMaterial(key.keySpec), createdAt: at };
}

/** Related multi-Region keys in the other regions (same account, same key id). */
export function relatedKeys(store: StoreWriter, key: KmsKeyDoc): KmsKeyDoc[] {
  if (!key.multiRegion) return [];
  const out: KmsKeyDoc[] = [];
  for (const region of REGIONS) {
    if (region === key.region) continue;
    const other = store.get(KMS_KEY, { account: key.account, region }, key.keyId);
    if (other) out.push(other);
  }
  return out;
}

/** The key with `entry` added as its new current material (a rotation when `rotation` is set). */
export function withMaterial(
  key: KmsKeyDoc,
  materialId: string,
  entry: MaterialEntry,
  rotation?: RotationEntry,
): KmsKeyDoc {
  return {
    ...key,
    materials: { ...key.materials, [materialId]: entry },
    materialOrder: key.materialOrder.includes(materialId)
      ? key.materialOrder
      : [...key.materialOrder, materialId],
    currentMaterialId: materialId,
    rotations: rotation ? [...key.rotations, rotation] : key.rotations,
  };
}

/**
 * Rotates `key` to new material dated `date` and writes it; a multi-Region primary passes the
 * same material to every replica (reference §2.8, §2.10). Returns the updated key.
 */
export function rotateKey(
  store: StoreWriter,
  key: KmsKeyDoc,
  date: number,
  type: RotationEntry['type'],
  material?: SerializedMaterial,
): KmsKeyDoc {
  const materialId = newMaterialId();
  const entry: MaterialEntry = {
    material: material ?? generateMaterial(key.keySpec),
    createdAt: date,
  };
  const rotation: RotationEntry = { materialId, date, type };
  const updated = withMaterial(key, materialId, entry, rotation);
  store.put(KMS_KEY, scopeOf(key), key.keyId, updated);
  for (const replica of relatedKeys(store, key)) {
    store.put(
      KMS_KEY,
      scopeOf(replica),
      replica.keyId,
      withMaterial(replica, materialId, entry, rotation),
    );
  }
  return updated;
}

/** Service-generated CloudTrail record for `key` (reference §5.2: RotateKey, DeleteKey, …). */
export function recordServiceEvent(
  ctx: ServiceContext,
  key: KmsKeyDoc,
  eventName: string,
  at: number,
): void {
  const identity = { accountId: key.account, invokedBy: 'AWS Internal' } as UserIdentity;
  ctx.recordEvent({
    eventName,
    eventSource: KMS_EVENT_SOURCE,
    eventType: 'AwsServiceEvent',
    readOnly: false,
    userIdentity: identity,
    invokedBy: 'AWS Internal',
    eventTime: new Date(at),
    awsRegion: key.region,
    recipientAccountId: key.account,
    requestParameters: null,
    responseElements: null,
    serviceEventDetails: { keyId: key.keyId },
    resources: [{ accountId: key.account, type: 'AWS::KMS::Key', ARN: key.arn }],
  });
}
