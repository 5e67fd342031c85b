import type { CreateKeyInput } from '../../../../src-shared/schemas/create-key-input';
import type { keySpecs, keyUsages } from '../../../../src-shared/schemas/create-key-input';
import { initialMaterial, toImportMaterial, type MaterialDraft } from '../shared/material-draft';
import { buildDefaultKeyPolicy } from '../../../../src-shared/policy/key-policy/build-default-key-policy';

export type KeySpec = (typeof keySpecs)[number];
export type KeyUsage = (typeof keyUsages)[number];
export type KeyKind = 'symmetric' | 'rsa' | 'ecc' | 'hmac';

export interface TagDraft {
  readonly key: string;
  readonly value: string;
}

/** Everything the wizard asks, kept in one place so going back loses nothing. */
export interface CreateKeyDraft extends MaterialDraft {
  readonly profileId: string;
  readonly region: string;
  readonly kind: KeyKind;
  readonly keySpec: KeySpec;
  readonly keyUsage: KeyUsage;
  readonly origin: 'AWS_KMS' | 'EXTERNAL';
  readonly multiRegion: boolean;
  readonly replicaRegions: readonly string[];
  readonly alias: string;
  readonly description: string;
  readonly tags: readonly TagDraft[];
  readonly administrators: readonly string[];
  readonly administratorsMayDelete: boolean;
  readonly users: readonly string[];
  readonly otherAccounts: readonly string[];
  readonly allowAttachment: boolean;
  /** The policy text once the user edited it in step 4; null: generated from the choices. */
  readonly editedPolicy: string | null;
}

export const kindSpecs: Readonly<Record<KeyKind, readonly KeySpec[]>> = {
  symmetric: ['SYMMETRIC_DEFAULT'],
  rsa: ['RSA_2048', 'RSA_3072', 'RSA_4096'],
  ecc: ['ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1'],
  hmac: ['HMAC_224', 'HMAC_256', 'HMAC_384', 'HMAC_512'],
};

export const kindUsages: Readonly<Record<KeyKind, readonly KeyUsage[]>> = {
  symmetric: ['ENCRYPT_DECRYPT'],
  rsa: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
  ecc: ['SIGN_VERIFY'],
  hmac: ['GENERATE_VERIFY_MAC'],
};

const defaultSpec: Readonly<Record<KeyKind, KeySpec>> = {
  symmetric: 'SYMMETRIC_DEFAULT',
  rsa: 'RSA_2048',
  ecc: 'ECC_NIST_P256',
  hmac: 'HMAC_256',
};

export function initialDraft(
  profileId: string,
  region: string,
  callerArn?: string,
): CreateKeyDraft {
  return {
    profileId,
    region,
    kind: 'symmetric',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    origin: 'AWS_KMS',
    ...initialMaterial,
    multiRegion: false,
    replicaRegions: [],
    alias: '',
    description: '',
    tags: [],
    administrators: callerArn ? [callerArn] : [],
    administratorsMayDelete: true,
    users: callerArn ? [callerArn] : [],
    otherAccounts: [],
    allowAttachment: true,
    editedPolicy: null,
  };
}

/** A new kind keeps what still applies: its default spec and first usage, KMS origin unless symmetric. */
export function withKind(draft: CreateKeyDraft, kind: KeyKind): CreateKeyDraft {
  if (kind === draft.kind) return draft;
  const usages = kindUsages[kind];
  return {
    ...draft,
    kind,
    keySpec: defaultSpec[kind],
    keyUsage: usages.includes(draft.keyUsage) ? draft.keyUsage : (usages[0] ?? 'ENCRYPT_DECRYPT'),
    origin: kind === 'symmetric' ? draft.origin : 'AWS_KMS',
  };
}

/** A new place: replicas never include the primary's region. */
export function withPlace(
  draft: CreateKeyDraft,
  profileId: string,
  region: string,
): CreateKeyDraft {
  return {
    ...draft,
    profileId,
    region,
    replicaRegions: draft.replicaRegions.filter((r) => r !== region),
  };
}

export function placeholderKeyArn(region: string, accountId: string): string {
  return `arn:aws:kms:${region}:${accountId}:key/00000000-0000-0000-0000-000000000000`;
}

export function generatedPolicy(draft: CreateKeyDraft, accountId: string): string {
  const policy = buildDefaultKeyPolicy({
    accountId,
    administrators: draft.administrators,
    administratorsMayDelete: draft.administratorsMayDelete,
    users: draft.users,
    otherAccounts: draft.otherAccounts,
    allowAttachment: draft.allowAttachment,
    keySpec: draft.keySpec,
    keyUsage: draft.keyUsage,
    origin: draft.origin,
    multiRegion: draft.multiRegion,
  });
  return JSON.stringify(policy, null, 2);
}

export function policyText(draft: CreateKeyDraft, accountId: string): string {
  return draft.editedPolicy ?? generatedPolicy(draft, accountId);
}

/** What keys.create receives. */
export function toCreateInput(draft: CreateKeyDraft, policy: string): CreateKeyInput {
  const alias = draft.alias.trim();
  const material = draft.origin === 'EXTERNAL' ? toImportMaterial(draft) : undefined;
  return {
    profileId: draft.profileId,
    region: draft.region,
    keySpec: draft.keySpec,
    keyUsage: draft.keyUsage,
    origin: draft.origin,
    multiRegion: draft.multiRegion,
    replicaRegions: draft.multiRegion ? [...draft.replicaRegions] : [],
    ...(alias ? { alias: alias.startsWith('alias/') ? alias : `alias/${alias}` } : {}),
    description: draft.description.trim(),
    tags: draft.tags
      .filter((t) => t.key.trim())
      .map((t) => ({ key: t.key.trim(), value: t.value })),
    policy,
    ...(material ? { importMaterial: material } : {}),
  };
}
