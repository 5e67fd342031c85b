import { Code, Stack, Table, Text } from '@mantine/core';
import type { AmiRow } from '../../../../src-shared/models/ami';
import type { EbsSharing } from '../../../../src-shared/models/ebs-sharing';
import { StatusBadge } from '../../components/StatusBadge/StatusBadge';
import { amiName, amiStateTone } from './ami-columns';
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
import { amiEncryption, distinctKeys, encryptionBadge } from './ebs-labels';
import { amiRowActions } from './row-actions';

function Disks({ row }: { row: AmiRow }) {
  return (
    <Table layout="fixed" withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={100}>Device</Table.Th>
          <Table.Th>Snapshot</Table.Th>
          <Table.Th w={70}>Size</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {row.disks.map((disk) => (
          <Table.Tr key={disk.deviceName}>
            <Table.Td>
              <Code fz="xs">{disk.deviceName}</Code>
            </Table.Td>
            <Table.Td>
              <Stack gap={4} align="flex-start">
                {disk.snapshotId ? (
                  <Code fz="xs">{disk.snapshotId}</Code>
                ) : (
                  <Text size="sm">No snapshot</Text>
                )}
                <BadgeCell badge={encryptionBadge(disk.encryption)} />
              </Stack>
            </Table.Td>
            <Table.Td>{disk.sizeGiB === null ? '—' : `${disk.sizeGiB} GiB`}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Everything about one AMI: its disks, the key of each backing snapshot, who may launch it. */
export function AmiDetail({
  row,
  sharing,
  onReloadSharing,
  onClose,
}: {
  row: AmiRow | null;
  sharing: EbsSharing | undefined;
  onReloadSharing: (row: AmiRow) => void;
  onClose: () => void;
}) {
  const keys = row ? distinctKeys(row.disks) : [];
  return (
    <DetailDrawer title={row ? `AMI ${amiName(row)}` : ''} opened={row !== null} onClose={onClose}>
      {row && (
        <>
          <RegisteredActions row={row} actions={amiRowActions} label="AMI actions" />
          <Fields
            fields={[
              ['AMI ID', <Code key="id">{row.imageId}</Code>],
              ['Name', row.name || '—'],
              ['Description', row.description || '—'],
              [
                'State',
                <StatusBadge key="state" tone={amiStateTone(row.state)}>
                  {row.state}
                </StatusBadge>,
              ],
              ...(row.stateReason ? [['State reason', row.stateReason] as const] : []),
              ['Created', row.creationDate ?? '—'],
              ['Architecture', row.architecture || '—'],
              ['Root device', row.rootDeviceName || '—'],
              ['Profile', `${row.profileName} (${row.accountId})`],
              ['Region', row.region],
              ['Owner', `${ownershipLabels[row.ownership]} · ${row.ownerId}`],
            ]}
          />
          <Section title="Disks and their snapshots">
            <BadgeCell badge={amiEncryption(row.disks)} />
            <Disks row={row} />
          </Section>
          <Section title={keys.length === 1 ? 'Key' : 'Keys'}>
            {keys.length === 0 && (
              <Text size="sm">
                {row.disks.some((disk) => disk.encryption.encrypted)
                  ? `The backing snapshots are account ${row.ownerId}'s: their keys are not visible to this profile.`
                  : 'No disk is encrypted.'}
              </Text>
            )}
            {keys.map((key) => (
              <KeyCard
                key={key.keyArn}
                row={row}
                ebsKey={key}
                caption={`Used by ${row.disks
                  .filter((disk) => disk.encryption.key?.keyArn === key.keyArn)
                  .map((disk) => disk.deviceName)
                  .join(', ')}`}
              />
            ))}
          </Section>
          <Section title="Launch permissions">
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
