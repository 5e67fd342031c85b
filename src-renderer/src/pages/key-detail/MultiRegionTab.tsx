import { Button, Card, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { ConfirmDestructive } from '../../components/ConfirmDestructive/ConfirmDestructive';
import { BreakableCode } from '../../components/DataTable/BreakableCode';
import {
  ActionsCell,
  ActionsHeader,
  NowrapText,
  TableCard,
} from '../../components/DataTable/TableCard';
import { StatusBadge } from '../../components/StatusBadge/StatusBadge';
import type { TabProps } from './KeyDetailTabs';
import { isAwsManaged } from './key-facts';
import { ReplicateForm } from './ReplicateForm';
import { useKeyChange } from './use-key-detail';

export function MultiRegionTab({ keyRef, detail }: TabProps) {
  const api = useApi();
  const [promoting, setPromoting] = useState<string | null>(null);
  const promote = useKeyChange(
    keyRef,
    (primaryRegion: string) => api.keys.updatePrimaryRegion({ ...keyRef, primaryRegion }),
    (result) => `The primary is now in ${result.primaryRegion}; this key became a replica.`,
  );
  const { metadata } = detail;
  const config = metadata.multiRegionConfiguration;
  if (!metadata.multiRegion || !config)
    return (
      <Card withBorder radius="lg" padding="lg">
        <Text size="sm">
          A single-Region key: it cannot be replicated (AWS decides this when the key is created).
        </Text>
      </Card>
    );
  const isPrimary = config.role === 'PRIMARY';
  const canChange = isPrimary && !isAwsManaged(metadata) && metadata.keyState === 'Enabled';
  const places = [
    ...(config.primary ? [{ ...config.primary, role: 'Primary' }] : []),
    ...config.replicas.map((replica) => ({ ...replica, role: 'Replica' })),
  ];
  return (
    <Stack gap="md">
      <TableCard aria-label="Multi-Region keys" minWidth={640} data-testid="multi-region-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Region</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>ARN</Table.Th>
            <ActionsHeader />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {places.map((place) => (
            <Table.Tr key={place.arn}>
              <Table.Td>
                <NowrapText size="sm">
                  {place.region}
                  {place.region === metadata.region ? ' (this key)' : ''}
                </NowrapText>
              </Table.Td>
              <Table.Td>
                <StatusBadge tone={place.role === 'Primary' ? 'ok' : 'neutral'}>
                  {place.role}
                </StatusBadge>
              </Table.Td>
              <Table.Td>
                <BreakableCode>{place.arn}</BreakableCode>
              </Table.Td>
              <ActionsCell>
                {canChange && place.role === 'Replica' && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setPromoting(place.region)}
                    aria-label={`Make ${place.region} the primary`}
                  >
                    Make primary…
                  </Button>
                )}
              </ActionsCell>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </TableCard>
      {!isPrimary && (
        <Text size="sm" c="dimmed">
          Replicate and change the primary from the primary key ({config.primary?.region}).
        </Text>
      )}
      {canChange && <ReplicateForm keyRef={keyRef} taken={places.map((p) => p.region)} />}
      <ConfirmDestructive
        opened={promoting !== null}
        title={`Make ${promoting ?? ''} the primary?`}
        confirmLabel="Update primary Region"
        busy={promote.isPending}
        onCancel={() => setPromoting(null)}
        onConfirm={() =>
          promoting && promote.mutate(promoting, { onSuccess: () => setPromoting(null) })
        }
      >
        <Text size="sm">
          The replica in {promoting} becomes the primary and this key ({metadata.region}) a replica.
          Rotation, replication and shared settings are then managed from {promoting}. Both keys are
          Updating for a short while.
        </Text>
      </ConfirmDestructive>
    </Stack>
  );
}
