import { Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { ActionGroup } from '../../components/ActionGroup/ActionGroup';
import { ActionsCell, ActionsHeader, TableCard } from '../../components/DataTable/TableCard';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import type { TabProps } from './KeyDetailTabs';
import { isAwsManaged } from './key-facts';
import { TagForm, type TagDraft } from './TagForm';
import { useKeyChange } from './use-key-detail';

export function TagsTab({ keyRef, detail }: TabProps) {
  const api = useApi();
  const [draft, setDraft] = useState<TagDraft>({ key: '', value: '' });
  const { tags } = detail;
  const remove = useKeyChange(
    keyRef,
    (tagKey: string) => api.keys.untag({ ...keyRef, tagKeys: [tagKey] }),
    (_, tagKey) => `Tag ${tagKey} removed.`,
  );
  const readOnly = isAwsManaged(detail.metadata);
  if (!tags.ok) return <ErrorAlert error={tags.error} />;
  const sorted = [...tags.value].sort((a, b) => a.key.localeCompare(b.key));
  const editing = sorted.some((tag) => tag.key === draft.key);
  return (
    <Stack gap="md">
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          No tags.
        </Text>
      ) : (
        <TableCard aria-label="Tags" minWidth={520} data-testid="tags-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Key</Table.Th>
              <Table.Th>Value</Table.Th>
              <ActionsHeader />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((tag) => (
              <Table.Tr key={tag.key}>
                <Table.Td>{tag.key}</Table.Td>
                <Table.Td>{tag.value}</Table.Td>
                <ActionsCell>
                  {!readOnly && (
                    <ActionGroup nowrap gap={4} aria-label={`Actions for tag ${tag.key}`}>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        aria-label={`Edit tag ${tag.key}`}
                        onClick={() => setDraft(tag)}
                      >
                        Edit
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        aria-label={`Remove tag ${tag.key}`}
                        loading={remove.isPending && remove.variables === tag.key}
                        onClick={() => remove.mutate(tag.key)}
                      >
                        Remove
                      </Button>
                    </ActionGroup>
                  )}
                </ActionsCell>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableCard>
      )}
      {!readOnly && <TagForm keyRef={keyRef} draft={draft} editing={editing} onChange={setDraft} />}
    </Stack>
  );
}
