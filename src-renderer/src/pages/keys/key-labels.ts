import type { KeyRow } from '../../../../src-shared/models/kms-key';
import { keyManagerLabels } from '../../../../src-shared/models/kms-key';
import type { StatusTone } from '../../components/StatusBadge/StatusBadge';

export const typeLabels: Readonly<Record<KeyRow['type'], string>> = {
  symmetric: 'Symmetric',
  rsa: 'RSA',
  ecc: 'ECC',
  hmac: 'HMAC',
  sm2: 'SM2',
  'ml-dsa': 'ML-DSA',
};

export const usageLabels: Readonly<Record<KeyRow['usage'], string>> = {
  ENCRYPT_DECRYPT: 'Encrypt and decrypt',
  SIGN_VERIFY: 'Sign and verify',
  GENERATE_VERIFY_MAC: 'Generate and verify MAC',
  KEY_AGREEMENT: 'Key agreement',
};

export const stateLabels: Readonly<Record<KeyRow['state'], string>> = {
  Creating: 'Creating',
  Enabled: 'Enabled',
  Disabled: 'Disabled',
  PendingDeletion: 'Pending deletion',
  PendingImport: 'Pending import',
  PendingReplicaDeletion: 'Pending replica deletion',
  Unavailable: 'Unavailable',
  Updating: 'Updating',
};

export const stateTones: Readonly<Record<KeyRow['state'], StatusTone>> = {
  Creating: 'neutral',
  Enabled: 'ok',
  Disabled: 'warning',
  PendingDeletion: 'danger',
  PendingImport: 'warning',
  PendingReplicaDeletion: 'danger',
  Unavailable: 'danger',
  Updating: 'neutral',
};

export const originLabels: Readonly<Record<KeyRow['origin'], string>> = {
  AWS_KMS: 'KMS',
  EXTERNAL: 'Imported (EXTERNAL)',
  AWS_CLOUDHSM: 'CloudHSM',
  EXTERNAL_KEY_STORE: 'External key store',
};

export const multiRegionLabels: Readonly<Record<KeyRow['multiRegion']['role'], string>> = {
  none: 'Single-Region',
  primary: 'Primary',
  replica: 'Replica',
};

export function managerLabel(row: KeyRow): string {
  const label = keyManagerLabels[row.manager];
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** "On · every 365 days", "Off", "Manual only", … as the rotation column reads it. */
export function rotationLabel(row: KeyRow): string {
  const { mode, enabled, periodDays } = row.rotation;
  if (mode === 'aws-managed') return 'Yearly (by AWS)';
  if (mode === 'manual-only') return 'Manual only';
  if (mode === 'on-demand-only') return 'On demand only';
  if (mode === 'replica') return 'From primary';
  if (enabled === null) return 'Unknown';
  return enabled ? `On · ${periodDays ?? 365} days` : 'Off';
}

/** The date part of an ISO time: what a table cell has room for. */
export const day = (iso: string | null): string | null => (iso ? iso.slice(0, 10) : null);

/** The name a person reads a key by: its first alias, else its id. */
export const keyName = (row: KeyRow): string => row.aliases[0] ?? row.keyId;
