import { IconKey, IconShare, IconWorldUpload, type Icon } from '@tabler/icons-react';
import type { AmiRow } from '../../../../src-shared/models/ami';
import type { SnapshotRow } from '../../../../src-shared/models/snapshot';

/**
 * An action on one snapshot or AMI, shown in its row and in its detail panel. THE extension
 * point for the wizards (issue 13: "Copy to region…", "Share…", "Re-encrypt…"): each wizard adds
 * its entry to `snapshotRowActions` / `amiRowActions`; the pages show whatever is listed and
 * nothing when the lists are empty.
 */
export interface EbsRowAction<Row> {
  readonly id: string;
  /** Ends with "…" when it opens a wizard. */
  readonly label: string;
  readonly icon?: Icon;
  /** False: not offered for this row (e.g. Share… on a snapshot shared with you). */
  readonly available: (row: Row) => boolean;
  readonly run: (row: Row, tools: { readonly navigate: (path: string) => void }) => void;
}

/** `/snapshots/copy/…`: the copy wizard for one snapshot. */
export const copySnapshotPath = (row: Pick<SnapshotRow, 'profileId' | 'region' | 'snapshotId'>) =>
  `/snapshots/copy/${encodeURIComponent(row.profileId)}/${row.region}/${row.snapshotId}`;

/** `/snapshots/reencrypt/…` and `/volumes/reencrypt/…`: the re-encrypt wizard. */
export const reencryptSnapshotPath = (
  row: Pick<SnapshotRow, 'profileId' | 'region' | 'snapshotId'>,
) => `/snapshots/reencrypt/${encodeURIComponent(row.profileId)}/${row.region}/${row.snapshotId}`;
export const reencryptVolumePath = (v: { profileId: string; region: string; volumeId: string }) =>
  `/volumes/reencrypt/${encodeURIComponent(v.profileId)}/${v.region}/${v.volumeId}`;

/** `/snapshots/share/…`: the share-with-another-account wizard for one snapshot. */
export const shareSnapshotPath = (row: Pick<SnapshotRow, 'profileId' | 'region' | 'snapshotId'>) =>
  `/snapshots/share/${encodeURIComponent(row.profileId)}/${row.region}/${row.snapshotId}`;

export const snapshotRowActions: readonly EbsRowAction<SnapshotRow>[] = [
  {
    id: 'copy-to-region',
    label: 'Copy to another Region…',
    icon: IconWorldUpload,
    available: (row) => row.ownership === 'owned' && row.state === 'completed',
    run: (row, { navigate }) => navigate(copySnapshotPath(row)),
  },
  {
    id: 'reencrypt',
    label: 'Re-encrypt under another key…',
    icon: IconKey,
    available: (row) => row.ownership === 'owned' && row.state === 'completed',
    run: (row, { navigate }) => navigate(reencryptSnapshotPath(row)),
  },
  {
    id: 'share-with-account',
    label: 'Share with another account…',
    icon: IconShare,
    available: (row) =>
      row.ownership === 'owned' && row.state === 'completed' && row.encryption.encrypted,
    run: (row, { navigate }) => navigate(shareSnapshotPath(row)),
  },
];

/** `/amis/share/…`: the share-with-another-account wizard for one AMI. */
export const shareAmiPath = (row: Pick<AmiRow, 'profileId' | 'region' | 'imageId'>) =>
  `/amis/share/${encodeURIComponent(row.profileId)}/${row.region}/${row.imageId}`;

export const amiRowActions: readonly EbsRowAction<AmiRow>[] = [
  {
    id: 'share-ami',
    label: 'Share with another account…',
    icon: IconShare,
    available: (row) => row.ownership === 'owned' && row.state === 'available',
    run: (row, { navigate }) => navigate(shareAmiPath(row)),
  },
];
