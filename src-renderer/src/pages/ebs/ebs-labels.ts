import type { AmiDisk } from '../../../../src-shared/models/ami';
import type { EbsEncryption, EbsKey, EbsOwnership } from '../../../../src-shared/models/ebs-key';
import type { EbsSharing } from '../../../../src-shared/models/ebs-sharing';
import type { StatusTone } from '../../components/StatusBadge/StatusBadge';

/** A status as the table shows it: a short badge, a line under it, and the whole as text. */
export interface Badge {
  readonly tone: StatusTone;
  /** The whole statement: what search, filters and exports see. */
  readonly label: string;
  /** What the badge itself says (a badge never wraps: kept short). */
  readonly short: string;
  readonly detail: string | null;
}

const plain = (tone: StatusTone, label: string): Badge => ({
  tone,
  label,
  short: label,
  detail: null,
});
const encryptedWith = (tone: StatusTone, short: string, detail: string): Badge => ({
  tone,
  label: `${short} · ${detail}`,
  short,
  detail,
});

/** How a key is named: its first alias, else its id. */
export const keyLabel = (key: EbsKey): string => key.aliases[0] ?? key.keyId;

const isAwsEbs = (key: EbsKey | null) => key?.manager === 'aws';
const awsEbs: Badge = {
  tone: 'warning',
  label: "Encrypted · aws/ebs (can't be shared — re-encrypt first)",
  short: 'Encrypted · aws/ebs',
  detail: "can't be shared — re-encrypt first",
};

/**
 * The encryption column: customer managed keys can be shared; `aws/ebs` cannot (its policy keeps
 * it to the owning account — aws-behaviour.md §3.6), so it says what to do first.
 */
export function encryptionBadge(encryption: EbsEncryption): Badge {
  const { key } = encryption;
  if (!encryption.encrypted) return plain('neutral', 'Not encrypted');
  if (!key) return encryptedWith('neutral', 'Encrypted', 'key not visible to this profile');
  if (isAwsEbs(key)) return awsEbs;
  if (key.manager === 'customer')
    return encryptedWith('ok', 'Encrypted', `customer managed key ${keyLabel(key)}`);
  return encryptedWith('neutral', 'Encrypted', `key of ${key.accountId} (not readable here)`);
}

/** An AMI's encryption over its disks: one AMI may use several keys, or none on some disks. */
export function amiEncryption(disks: readonly AmiDisk[]): Badge {
  const withData = disks.filter((disk) => disk.snapshotId !== null);
  if (withData.length === 0 || withData.every((disk) => !disk.encryption.encrypted))
    return plain('neutral', 'Not encrypted');
  if (withData.some((disk) => !disk.encryption.encrypted))
    return plain('warning', 'Partly encrypted');
  if (withData.some((disk) => isAwsEbs(disk.encryption.key))) return awsEbs;
  const keys = distinctKeys(withData);
  const [only] = keys;
  if (keys.length === 1 && only) return encryptionBadge({ encrypted: true, key: only });
  if (keys.length === 0) return encryptionBadge({ encrypted: true, key: null });
  return encryptedWith('ok', 'Encrypted', `${keys.length} keys`);
}

/** The keys an AMI's disks use, each once. */
export function distinctKeys(disks: readonly AmiDisk[]): EbsKey[] {
  const byArn = new Map<string, EbsKey>();
  for (const disk of disks)
    if (disk.encryption.key) byArn.set(disk.encryption.key.keyArn, disk.encryption.key);
  return [...byArn.values()];
}

const accounts = (n: number) => `${n} ${n === 1 ? 'account' : 'accounts'}`;

/**
 * The sharing column. Others' snapshots and AMIs say who shared them; owned ones say who they
 * are shared with once read (`undefined`: not read yet).
 */
export function sharingBadge(
  row: { ownership: EbsOwnership; ownerId: string },
  sharing: EbsSharing | undefined,
): Badge | null {
  if (row.ownership === 'shared-with-me') {
    return {
      tone: 'neutral',
      label: `Shared with you by ${row.ownerId}`,
      short: 'Shared with you',
      detail: `by ${row.ownerId}`,
    };
  }
  if (!sharing) return null;
  if (sharing.error) return plain('danger', 'Could not be read');
  if (sharing.public) return plain('danger', 'Public');
  const shared = sharing.accounts.length + sharing.organizations.length;
  if (shared === 0) return plain('neutral', 'Not shared');
  if (sharing.organizations.length > 0)
    return plain('warning', `Shared with ${shared} accounts or orgs`);
  return plain('warning', `Shared with ${accounts(shared)}`);
}

/** The Keys page's address of a key, when this profile can open it (its own account's key). */
export function keyDetailPath(
  row: { profileId: string; region: string; accountId: string },
  key: EbsKey,
): string | null {
  if (key.accountId !== row.accountId || key.manager === null) return null;
  return `/keys/${encodeURIComponent(row.profileId)}/${row.region}/${encodeURIComponent(key.keyId)}`;
}

export const day = (iso: string | null): string | null => (iso ? iso.slice(0, 10) : null);
