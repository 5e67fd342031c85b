import { Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import type { KeyUsage } from '../../../../src-shared/models/key-usage';
import { toSerialized } from '../../api/present-error';
import { NowrapText, TableCard } from '../../components/DataTable/TableCard';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import type { TabProps } from './KeyDetailTabs';
import { UsageFindings } from './UsageFindings';
import { useKeyUsage } from './use-key-detail';

interface Row {
  readonly kind: string;
  readonly id: string;
  readonly name: string | null;
  readonly region: string;
  readonly state: string | null;
}

function rowsOf(usage: KeyUsage): Row[] {
  return [
    ...usage.volumes.map((v) => ({
      kind: 'Volume',
      id: v.volumeId,
      name: v.name,
      region: v.region,
      state: v.state,
    })),
    ...usage.snapshots.map((s) => ({
      kind: 'Snapshot',
      id: s.snapshotId,
      name: s.name ?? s.description,
      region: s.region,
      state: s.state,
    })),
    ...usage.images.map((i) => ({
      kind: 'AMI',
      id: i.imageId,
      name: i.name,
      region: i.region,
      state: i.state,
    })),
  ];
}

export function UsageTab({ keyRef }: TabProps) {
  const usage = useKeyUsage(keyRef, true);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Resources encrypted with this key
        </Title>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconRefresh size={14} />}
          loading={usage.isFetching}
          onClick={() => void usage.refetch()}
        >
          Look again
        </Button>
      </Group>
      {usage.isPending && <Loader size="sm" aria-label="Looking for resources on this key" />}
      {usage.isError && <ErrorAlert error={toSerialized(usage.error)} />}
      {usage.data && (
        <>
          <Card withBorder radius="lg" padding="md">
            <UsageFindings usage={usage.data} />
          </Card>
          {rowsOf(usage.data).length > 0 ? (
            <TableCard aria-label="Resources on this key" minWidth={640} data-testid="usage-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>ID</Table.Th>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Region</Table.Th>
                  <Table.Th>State</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rowsOf(usage.data).map((row) => (
                  <Table.Tr key={`${row.region}-${row.id}`}>
                    <Table.Td>{row.kind}</Table.Td>
                    <Table.Td>
                      <NowrapText size="sm" ff="monospace">
                        {row.id}
                      </NowrapText>
                    </Table.Td>
                    <Table.Td>{row.name ?? '—'}</Table.Td>
                    <Table.Td>
                      <NowrapText size="sm">{row.region}</NowrapText>
                    </Table.Td>
                    <Table.Td>{row.state ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </TableCard>
          ) : (
            <Text size="sm" c="dimmed">
              Nothing in the scope uses this key.
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
