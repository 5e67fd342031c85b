import { Button } from '@mantine/core';
import { ActionGroup } from '../../components/ActionGroup/ActionGroup';
import { RegisteredActions } from './DetailParts';
import type { EbsRowAction } from './row-actions';

/** "Details" (the side panel), then whatever actions are registered for the row. */
export function RowActions<Row>({
  row,
  label,
  actions,
  onOpen,
}: {
  row: Row;
  label: string;
  actions: readonly EbsRowAction<Row>[];
  onOpen: (row: Row) => void;
}) {
  return (
    <ActionGroup nowrap gap={4} aria-label={`Actions for ${label}`}>
      <Button
        variant="subtle"
        size="compact-sm"
        aria-label={`Details of ${label}`}
        onClick={() => onOpen(row)}
      >
        Details
      </Button>
      <RegisteredActions row={row} actions={actions} label={`More actions for ${label}`} compact />
    </ActionGroup>
  );
}
