import { Badge, Button, CloseButton, Group } from '@mantine/core';
import type { RowData } from '@tanstack/react-table';
import type { DataColumn, TableView } from './data-table-types';
import type { DataTableInstance } from './use-data-table';

/** The filters in force, each removable, so a narrowed table never looks like a short one. */
export function ActiveFilters<Row extends RowData>({
  table,
  columnsById,
  filters,
  onClearAll,
}: {
  table: DataTableInstance<Row>;
  filters: TableView['filters'];
  columnsById: ReadonlyMap<string, DataColumn<Row>>;
  onClearAll: () => void;
}) {
  if (filters.length === 0) return null;
  return (
    <Group gap="xs" aria-label="Filters in force" role="group">
      {filters.map(({ id, value }) => {
        const column = columnsById.get(id);
        const shown =
          typeof value !== 'string'
            ? value.map((one) => column?.filterLabel?.(one) ?? one).join(', ')
            : `contains “${String(value)}”`;
        return (
          <Badge
            key={id}
            variant="light"
            size="lg"
            tt="none"
            fw={500}
            rightSection={
              <CloseButton
                size="xs"
                aria-label={`Remove filter on ${column?.header ?? id}`}
                onClick={() => table.getColumn(id)?.setFilterValue(undefined)}
              />
            }
          >
            {column?.header ?? id}: {shown}
          </Badge>
        );
      })}
      <Button variant="subtle" size="compact-sm" onClick={onClearAll}>
        Clear filters
      </Button>
    </Group>
  );
}
