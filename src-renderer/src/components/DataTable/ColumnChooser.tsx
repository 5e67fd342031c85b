import { Button, Checkbox, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import type { RowData } from '@tanstack/react-table';
import { IconColumns } from '@tabler/icons-react';
import type { DataColumn } from './data-table-types';
import type { DataTableInstance } from './use-data-table';

/**
 * A checkbox per column that may be hidden. A popover rather than a menu: a menu item cannot be
 * a checkbox to assistive technology, and it stays open while several columns are chosen.
 */
export function ColumnChooser<Row extends RowData>({
  table,
  columns,
}: {
  table: DataTableInstance<Row>;
  columns: readonly DataColumn<Row>[];
}) {
  const hideable = columns.filter((column) => column.hideable !== false);
  return (
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />}>
          Columns
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="xs" fw={700} c="dimmed" mb="xs" id="column-chooser-title">
          Columns shown
        </Text>
        <ScrollArea.Autosize mah={320} type="auto">
          <Stack gap={8} pr="xs" role="group" aria-labelledby="column-chooser-title">
            {hideable.map((column) => {
              const tableColumn = table.getColumn(column.id);
              return (
                <Checkbox
                  key={column.id}
                  size="sm"
                  label={column.header}
                  checked={tableColumn?.getIsVisible() ?? false}
                  onChange={(event) => tableColumn?.toggleVisibility(event.currentTarget.checked)}
                />
              );
            })}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
