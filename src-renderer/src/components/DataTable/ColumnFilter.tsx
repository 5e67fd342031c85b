import {
  ActionIcon,
  Checkbox,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { RowData } from '@tanstack/react-table';
import { IconFilter, IconFilterFilled } from '@tabler/icons-react';
import type { DataColumn } from './data-table-types';
import type { DataTableInstance } from './use-data-table';

interface ColumnFilterProps<Row extends RowData> {
  readonly table: DataTableInstance<Row>;
  readonly column: DataColumn<Row>;
}

function SelectChoices<Row extends RowData>({ table, column }: ColumnFilterProps<Row>) {
  const tableColumn = table.getColumn(column.id);
  if (!tableColumn) return null;
  const chosen = (tableColumn.getFilterValue() as readonly string[] | undefined) ?? [];
  // Facets count the rows the other filters leave, so a choice shows what it would give.
  const counts = tableColumn.getFacetedUniqueValues();
  const values = [...new Set([...counts.keys()].map((value) => String(value ?? '')))]
    .filter((value) => value !== '')
    .concat(chosen.filter((value) => !counts.has(value)))
    .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...chosen, value] : chosen.filter((other) => other !== value);
    tableColumn.setFilterValue(next.length > 0 ? next : undefined);
  };
  if (values.length === 0) return <Text size="sm">Nothing to choose yet.</Text>;
  return (
    <ScrollArea.Autosize mah={260} type="auto">
      <Stack gap={6} pr="xs">
        {values.map((value) => (
          <Checkbox
            key={value}
            size="sm"
            label={`${column.filterLabel?.(value) ?? value} (${counts.get(value) ?? 0})`}
            checked={chosen.includes(value)}
            onChange={(event) => toggle(value, event.currentTarget.checked)}
          />
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}

function TextFilter<Row extends RowData>({ table, column }: ColumnFilterProps<Row>) {
  const tableColumn = table.getColumn(column.id);
  if (!tableColumn) return null;
  return (
    <TextInput
      size="sm"
      label={`${column.header} contains`}
      data-autofocus
      value={(tableColumn.getFilterValue() as string | undefined) ?? ''}
      onChange={(event) => tableColumn.setFilterValue(event.currentTarget.value || undefined)}
    />
  );
}

/** The filter button in a column's header, and its popover: choices for enums, text otherwise. */
export function ColumnFilter<Row extends RowData>({ table, column }: ColumnFilterProps<Row>) {
  const active = table.getColumn(column.id)?.getFilterValue() !== undefined;
  return (
    // The dot sits outside the popover's target: the target's ARIA belongs on the button alone.
    <Indicator disabled={!active} size={7} offset={4}>
      <Popover position="bottom-start" shadow="md" trapFocus withinPortal width={260}>
        <Popover.Target>
          <ActionIcon
            variant={active ? 'light' : 'subtle'}
            color={active ? undefined : 'gray'}
            size="sm"
            aria-label={`Filter ${column.header}`}
            aria-pressed={active}
          >
            {active ? <IconFilterFilled size={14} /> : <IconFilter size={14} />}
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown aria-label={`Filter ${column.header}`}>
          {column.filter === 'select' ? (
            <SelectChoices table={table} column={column} />
          ) : (
            <TextFilter table={table} column={column} />
          )}
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
