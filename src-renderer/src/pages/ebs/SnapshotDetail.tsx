import { Code, Text } from '@mantine/core';
import type { EbsSharing } from '../../../../src-shared/models/ebs-sharing';
import type { SnapshotRow } from '../../../../src-shared/models/snapshot';
import { BadgeCell, ownershipLabels } from './common-columns';
import { DetailDrawer } from './DetailDrawer';
import {
  Fields,
  KeyCard,
  RegisteredActions,
  Section,
  SharingSection,
  TagsList,
} from './DetailParts';
import { encryptionBadge } from './ebs-labels';
import { snapshotRowActions } from './row-actions';
import { SnapshotState, snapshotName } from './snapshot-columns';

/** Everything about one snapshot: what a user checks before copying or sharing it. */
export function SnapshotDetail({
  row,
  sharing,
  onReloadSharing,
  onClose,
}: {
  row: SnapshotRow | null;
  sharing: EbsSharing | undefined;
  onReloadSharing: (row: SnapshotRow) => void;
  onClose: () => void;
}) {
  return (
    <DetailDrawer
      title={row ? `Snapshot ${snapshotName(row)}` : ''}
      opened={row !== null}
      onClose={onClose}
    >
      {row && (
        <>
          <RegisteredActions row={row} actions={snapshotRowActions} label="Snapshot actions" />
          <Fields
            fields={[
              ['Snapshot ID', <Code key="id">{row.snapshotId}</Code>],
              ['Description', row.description || '—'],
              ['State', <SnapshotState key="state" row={row} />],
              ...(row.stateMessage ? [['State message', row.stateMessage] as const] : []),
              ['Size', `${row.sizeGiB} GiB`],
              ['Volume', <Code key="vol">{row.volumeId}</Code>],
              ['Started', row.startTime ?? '—'],
              ['Profile', `${row.profileName} (${row.accountId})`],
              ['Region', row.region],
              ['Owner', `${ownershipLabels[row.ownership]} · ${row.ownerId}`],
            ]}
          />
          <Section title="Encryption">
            <BadgeCell badge={encryptionBadge(row.encryption)} />
            {row.encryption.key && <KeyCard row={row} ebsKey={row.encryption.key} />}
            {row.encryption.encrypted && !row.encryption.key && (
              <Text size="sm">EC2 did not name the key of this snapshot.</Text>
            )}
          </Section>
          <Section title="Sharing">
            <SharingSection row={row} sharing={sharing} onReload={() => onReloadSharing(row)} />
          </Section>
          <Section title="Tags">
            <TagsList tags={row.tags} />
          </Section>
        </>
      )}
    </DetailDrawer>
  );
}
