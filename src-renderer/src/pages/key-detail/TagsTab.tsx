import { Button, Stack, Table } from '@mantine/core';
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { ActionGroup } from '../../components/ActionGroup/ActionGroup';
import { ActionsCell } from '../../components/DataTable/TableCard';
import { DetailTable } from './DetailTable';
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
      <DetailTable
        label="Tags"
        columns={['Key', 'Value']}
        withActions
        count={sorted.length}
        empty="No tags."
        minWidth={520}
        data-testid="tags-table"
      >
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
      </DetailTable>
      {!readOnly && <TagForm keyRef={keyRef} draft={draft} editing={editing} onChange={setDraft} />}
    </Stack>
  );
}
