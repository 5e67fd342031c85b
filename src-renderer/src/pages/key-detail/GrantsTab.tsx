import { Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { GrantEntry } from '../../../../src-shared/models/key-detail';
import { useApi } from '../../api/api-context';
import { ActionGroup } from '../../components/ActionGroup/ActionGroup';
import { ConfirmDestructive } from '../../components/ConfirmDestructive/ConfirmDestructive';
import { BreakableCode } from '../../components/DataTable/BreakableCode';
import { ActionsCell } from '../../components/DataTable/TableCard';
import { DetailTable } from './DetailTable';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { CreateGrantDialog } from './CreateGrantDialog';
import type { TabProps } from './KeyDetailTabs';
import { isAwsManaged } from './key-facts';
import { useKeyChange } from './use-key-detail';

type Ending = { grant: GrantEntry; how: 'revoke' | 'retire' } | null;

function constraintsText(grant: GrantEntry): string {
  const c = grant.constraints;
  const context = c?.encryptionContextEquals ?? c?.encryptionContextSubset;
  if (!context) return 'None';
  const pairs = Object.entries(context)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return `${c?.encryptionContextEquals ? 'Context equals' : 'Context includes'} ${pairs}`;
}

export function GrantsTab({ keyRef, detail }: TabProps) {
  const api = useApi();
  const [creating, setCreating] = useState(false);
  const [ending, setEnding] = useState<Ending>(null);
  const end = useKeyChange(
    keyRef,
    (e: NonNullable<Ending>) =>
      e.how === 'revoke'
        ? api.keys.revokeGrant({ ...keyRef, grantId: e.grant.grantId })
        : api.keys.retireGrant({ ...keyRef, grantId: e.grant.grantId }),
    (result) => `Grant ${result.ended}.`,
  );
  const { grants } = detail;
  const readOnly = isAwsManaged(detail.metadata);
  if (!grants.ok) return <ErrorAlert error={grants.error} />;
  return (
    <Stack gap="md">
      {!readOnly && (
        <Group>
          <Button onClick={() => setCreating(true)}>Create grant…</Button>
        </Group>
      )}
      <DetailTable
        label="Grants"
        columns={['Grantee', 'Operations', 'Constraints']}
        withActions
        count={grants.value.length}
        empty="No grants on this key."
        minWidth={760}
        data-testid="grants-table"
      >
        {grants.value.map((grant) => (
          <Table.Tr key={grant.grantId}>
            <Table.Td>
              <Stack gap={2}>
                <BreakableCode>{grant.granteePrincipal ?? '—'}</BreakableCode>
                {grant.name && (
                  <Text size="xs" c="dimmed">
                    {grant.name}
                  </Text>
                )}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {grant.operations.map((op) => (
                  <Code key={op}>{op}</Code>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{constraintsText(grant)}</Text>
            </Table.Td>
            <ActionsCell>
              {!readOnly && (
                <ActionGroup nowrap gap={4} aria-label={`Actions for grant ${grant.grantId}`}>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setEnding({ grant, how: 'retire' })}
                  >
                    Retire…
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setEnding({ grant, how: 'revoke' })}
                  >
                    Revoke…
                  </Button>
                </ActionGroup>
              )}
            </ActionsCell>
          </Table.Tr>
        ))}
      </DetailTable>
      <CreateGrantDialog opened={creating} keyRef={keyRef} onClose={() => setCreating(false)} />
      <ConfirmDestructive
        opened={ending !== null}
        title={ending?.how === 'revoke' ? 'Revoke this grant?' : 'Retire this grant?'}
        confirmLabel={ending?.how === 'revoke' ? 'Revoke grant' : 'Retire grant'}
        busy={end.isPending}
        onCancel={() => setEnding(null)}
        onConfirm={() => ending && end.mutate(ending, { onSuccess: () => setEnding(null) })}
      >
        <Text size="sm">
          {ending?.grant.granteePrincipal} loses the operations this grant gave it at once; it
          cannot be undone (a new grant gets a new id and token).{' '}
          {ending?.how === 'revoke'
            ? 'Revoking is for the key’s administrators.'
            : 'Retiring is for the retiring principal, the grantee or the issuing account.'}
        </Text>
      </ConfirmDestructive>
    </Stack>
  );
}
