import { Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { ActionGroup } from '../../components/ActionGroup/ActionGroup';
import { ConfirmDestructive } from '../../components/ConfirmDestructive/ConfirmDestructive';
import { ActionsCell, NowrapText } from '../../components/DataTable/TableCard';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { AliasForm } from './AliasForm';
import { DetailTable } from './DetailTable';
import { formatDate } from './format';
import type { TabProps } from './KeyDetailTabs';
import { isAwsManaged } from './key-facts';
import { RepointAliasDialog } from './RepointAliasDialog';
import { useKeyChange } from './use-key-detail';

export function AliasesTab({ keyRef, detail }: TabProps) {
  const api = useApi();
  const [repoint, setRepoint] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const remove = useKeyChange(
    keyRef,
    (aliasName: string) =>
      api.keys.deleteAlias({ profileId: keyRef.profileId, region: keyRef.region, aliasName }),
    (_, aliasName) => `${aliasName} deleted; the key is untouched.`,
  );
  const { aliases } = detail;
  const readOnly = isAwsManaged(detail.metadata);
  if (!aliases.ok) return <ErrorAlert error={aliases.error} />;
  return (
    <Stack gap="md">
      <DetailTable
        label="Aliases"
        columns={['Alias', 'Created']}
        withActions
        count={aliases.value.length}
        empty="No alias points at this key."
        minWidth={560}
        data-testid="aliases-table"
      >
        {aliases.value.map((alias) => (
          <Table.Tr key={alias.aliasName}>
            <Table.Td>
              <NowrapText size="sm">{alias.aliasName}</NowrapText>
            </Table.Td>
            <Table.Td>
              <NowrapText size="sm">{formatDate(alias.creationDate)}</NowrapText>
            </Table.Td>
            <ActionsCell>
              {!readOnly && !alias.aliasName.startsWith('alias/aws/') && (
                <ActionGroup nowrap gap={4} aria-label={`Actions for ${alias.aliasName}`}>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    aria-label={`Re-point ${alias.aliasName}`}
                    onClick={() => setRepoint(alias.aliasName)}
                  >
                    Re-point…
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    aria-label={`Delete ${alias.aliasName}`}
                    onClick={() => setDeleting(alias.aliasName)}
                  >
                    Delete…
                  </Button>
                </ActionGroup>
              )}
            </ActionsCell>
          </Table.Tr>
        ))}
      </DetailTable>
      {!readOnly && <AliasForm keyRef={keyRef} />}
      <RepointAliasDialog keyRef={keyRef} alias={repoint} onClose={() => setRepoint(null)} />
      <ConfirmDestructive
        opened={deleting !== null}
        title={`Delete ${deleting ?? ''}?`}
        confirmLabel="Delete alias"
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting && remove.mutate(deleting, { onSuccess: () => setDeleting(null) })
        }
      >
        <Text size="sm">
          Applications that name the key by this alias will fail until it exists again. The key
          itself is untouched.
        </Text>
      </ConfirmDestructive>
    </Stack>
  );
}
