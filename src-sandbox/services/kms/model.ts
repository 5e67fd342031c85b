import { defineKind } from '../../state/store-types';
import type { KeySpec, KeyUsage, SerializedMaterial } from './crypto';

/** Reference §2.4 (`Unavailable` is for custom key stores and never used here). */
export type KeyState =
  | 'Creating'
  | 'Enabled'
  | 'Disabled'
  | 'PendingDeletion'
  | 'PendingImport'
  | 'PendingReplicaDeletion'
  | 'Unavailable'
  | 'Updating';

export type KeyOrigin = 'AWS_KMS' | 'EXTERNAL';
export type ExpirationModel = 'KEY_MATERIAL_EXPIRES' | 'KEY_MATERIAL_DOES_NOT_EXPIRE';

export interface Tag {
  readonly TagKey: string;
  readonly TagValue: string;
}

/** One version of a key's material. Imported material may be absent (deleted or expired). */
export interface MaterialEntry {
  readonly material?: SerializedMaterial;
  /** epoch ms */
  readonly createdAt: number;
  /** EXTERNAL keys only. */
  readonly importState?: 'IMPORTED' | 'PENDING_IMPORT';
  readonly expirationModel?: ExpirationModel;
  /** epoch ms, with `KEY_MATERIAL_EXPIRES`. */
  readonly validTo?: number;
  readonly description?: string;
  /**
   * Seeded RSA material is generated on the key's first use (RSA key generation would make
   * start-up slow); `material` is absent until then.
   */
  readonly deferred?: boolean;
  /** SHA-256 of imported material, kept after deletion so a re-import must match it. */
  readonly fingerprint?: string;
  /** Imported with ImportType NEW_KEY_MATERIAL, waiting for RotateKeyOnDemand. */
  readonly pendingRotation?: boolean;
}

export interface RotationEntry {
  readonly materialId: string;
  /** epoch ms */
  readonly date: number;
  readonly type: 'AUTOMATIC' | 'ON_DEMAND';
}

/** A KMS key in one account and region (`kms:key`, id = key id). Times are epoch ms. */
export interface KmsKeyDoc {
  readonly keyId: string;
  readonly arn: string;
  readonly account: string;
  readonly region: string;
  readonly creationDate: number;
  readonly description: string;
  readonly keySpec: KeySpec;
  readonly keyUsage: KeyUsage;
  readonly origin: KeyOrigin;
  readonly keyManager: 'AWS' | 'CUSTOMER';
  readonly keyState: KeyState;
  /** PendingDeletion only. */
  readonly deletionDate?: number;
  /** Waiting period asked for by ScheduleKeyDeletion (kept for PendingReplicaDeletion). */
  readonly pendingWindowInDays?: number;
  /** Key policy text exactly as stored (GetKeyPolicy returns it verbatim). */
  readonly policy: string;
  readonly rotationEnabled: boolean;
  readonly rotationPeriodDays?: number;
  readonly nextRotationDate?: number;
  readonly rotations: readonly RotationEntry[];
  /** Material ids in creation order. */
  readonly materialOrder: readonly string[];
  readonly materials: Readonly<Record<string, MaterialEntry>>;
  /** '' while an EXTERNAL key has never had material imported. */
  readonly currentMaterialId: string;
  readonly tags: readonly Tag[];
  /** Multi-Region keys: where the primary lives (related keys share the key id). */
  readonly multiRegion?: { readonly primaryRegion: string };
  /** `aws/<service>` of an AWS managed key. */
  readonly awsService?: string;
}

/** `kms:alias`, id = alias name (`alias/x`). */
export interface KmsAliasDoc {
  readonly aliasName: string;
  readonly aliasArn: string;
  readonly targetKeyId: string;
  readonly creationDate: number;
  readonly lastUpdatedDate: number;
}

export interface GrantConstraints {
  readonly EncryptionContextSubset?: Readonly<Record<string, string>>;
  readonly EncryptionContextEquals?: Readonly<Record<string, string>>;
  readonly SourceArn?: string;
}

/** `kms:grant` in the key's scope, id = grant id. */
export interface KmsGrantDoc {
  readonly grantId: string;
  readonly keyId: string;
  readonly keyArn: string;
  readonly name?: string;
  readonly creationDate: number;
  /** An IAM principal ARN, or a service principal when `granteeService`. */
  readonly granteePrincipal: string;
  readonly granteeService?: boolean;
  readonly retiringPrincipal?: string;
  readonly issuingAccount: string;
  readonly operations: readonly string[];
  readonly constraints?: GrantConstraints;
}

/** `kms:import-token` in the key's scope, id = token id. */
export interface KmsImportTokenDoc {
  readonly tokenId: string;
  readonly keyArn: string;
  readonly wrappingAlgorithm: string;
  readonly wrappingKeySpec: string;
  /** base64 PKCS#8 DER */
  readonly privateKey: string;
  readonly validTo: number;
}

/** `kms:key-usage` in the key's scope, id = key id (kept apart so crypto calls write little). */
export interface KmsKeyUsageDoc {
  readonly operation: string;
  readonly timestamp: number;
  readonly requestId: string;
}

export const KMS_KEY = defineKind<KmsKeyDoc>('kms:key');
export const KMS_ALIAS = defineKind<KmsAliasDoc>('kms:alias');
export const KMS_GRANT = defineKind<KmsGrantDoc>('kms:grant');
export const KMS_IMPORT_TOKEN = defineKind<KmsImportTokenDoc>('kms:import-token');
/** Write-behind: AWS itself reports last usage with a delay (see DocumentStore). */
export const KMS_KEY_USAGE = defineKind<KmsKeyUsageDoc>('kms:key-usage', { deferrable: true });

export const DAY_MS = 86_400_000;

export const keyArnOf = (region: string, account: string, keyId: string): string =>
  `arn:aws:kms:${region}:${account}:key/${keyId}`;

export const aliasArnOf = (region: string, account: string, aliasName: string): string =>
  `arn:aws:kms:${region}:${account}:${aliasName}`;

export const scopeOf = (key: { readonly account: string; readonly region: string }) => ({
  account: key.account,
  region: key.region,
});
