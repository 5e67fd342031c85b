/**
 * Types of the key-access contract the management plane exports from `key-access.ts`
 * (types only; crypto-operations receives the functions through `KeyAccess`).
 */
import type { ServiceContext } from '../types';
import type { KeySpec, KeyUsage, SerializedMaterial } from './crypto';

export type KeyAccessContext = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface UsableKey {
  readonly arn: string;
  readonly keyId: string;
  readonly account: string;
  readonly region: string;
  readonly keySpec: KeySpec;
  readonly keyUsage: KeyUsage;
  readonly currentMaterialId: string;
  material(materialId: string): SerializedMaterial | undefined;
}

export interface KeyAccess {
  /** Resolves a key id / ARN / alias (name or ARN), checks state, authorises `kms:<operation>`. */
  useKey(
    ctx: ServiceContext,
    keyRef: string,
    operation: string,
    context?: KeyAccessContext,
  ): UsableKey;
  /**
   * The key ARN a KeyId (or a blob's key ARN) names, without authorising or checking state;
   * undefined when it names no key. For `kms:ReEncryptOnSameKey`.
   */
  namedKeyArn?(ctx: ServiceContext, keyRef: string, operation: string): string | undefined;
  /** For Decrypt without KeyId: the key named by the ARN in the blob header, same checks. */
  useKeyByArn(
    ctx: ServiceContext,
    keyArn: string,
    operation: string,
    context?: KeyAccessContext,
  ): UsableKey;
}
