import { Checkbox, Table } from '@mantine/core';
import type { RowData } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { DataColumn } from './data-table-types';
import { ActionsCell } from './TableCard';
import { selectColumnId, type DataRow, type DataTableInstance } from './use-data-table';
import classes from './DataTable.module.css';

/** A row of one line of text with `verticalSpacing="sm"`; taller rows are measured. */
export const ESTIMATED_ROW_HEIGHT = 45;
const OVERSCAN = 8;

interface DataTableBodyProps<Row extends RowData> {
  readonly table: DataTableInstance<Row>;
  readonly columnsById: ReadonlyMap<string, DataColumn<Row>>;
  readonly scrollElement: HTMLDivElement | null;
  readonly rowLabel: (row: Row) => string;
  readonly rowActions?: (row: Row) => ReactNode;
  readonly onRowOpen?: (row: Row) => void;
  readonly onVisibleRowsChange?: (rows: readonly Row[]) => void;
  /** Shown in place of the rows when the search and filters leave none. */
  readonly noMatches: ReactNode;
}

function Cell<Row extends RowData>({
  row,
  column,
}: {
  row: DataRow<Row>;
  column: DataColumn<Row>;
}) {
  if (column.cell) return <>{column.cell(row.original)}</>;
  const value = column.value(row.original);
  return <>{value === null ? '' : String(value)}</>;
}

/** A row's element, once rendered, to move the focus to it. */
const rowElement = (viewport: HTMLElement | null, index: number) =>
  viewport?.querySelector<HTMLTableRowElement>(`tr[data-index="${index}"]`) ?? null;

/**
 * Only the rows in view (and a few either side) are in the DOM; empty rows above and below keep
 * the scroll height, so the header, the column widths and the sticky actions stay real table
 * layout. Arrow keys move the focused row (scrolling it into view), Enter opens it.
 */
export function DataTableBody<Row extends RowData>({
  table,
  columnsById,
  scrollElement,
  rowLabel,
  rowActions,
  onRowOpen,
  onVisibleRowsChange,
  noMatches,
}: DataTableBodyProps<Row>) {
  const rows = table.getRowModel().rows;
  const cells = table.getVisibleLeafColumns().length + (rowActions ? 1 : 0);
  // The virtualiser's methods change under the compiler's feet; this component is not memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollElement,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: OVERSCAN,
    // jsdom (and a row not laid out yet) measures 0: keep the estimate rather than render all.
    measureElement: (element) => element.getBoundingClientRect().height || ESTIMATED_ROW_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const [focused, setFocused] = useState(0);
  const pendingFocus = useRef<number | null>(null);

  const visibleKey = items.map((item) => item.key).join('\u0000');
  const latestVisible = useRef(onVisibleRowsChange);
  useEffect(() => {
    latestVisible.current = onVisibleRowsChange;
  });
  useEffect(() => {
    const shown = items.flatMap((item) => {
      const row = rows[item.index];
      return row ? [row.original] : [];
    });
    latestVisible.current?.(shown);
    // `visibleKey` names exactly the rows shown; items and rows follow from it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visibleKey]);

  useEffect(() => {
    if (pendingFocus.current === null) return;
    const element = rowElement(scrollElement, pendingFocus.current);
    if (element) {
      element.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setFocused(next);
    pendingFocus.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
    rowElement(scrollElement, next)?.focus({ preventScroll: true });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number, row: Row) => {
    if (event.target !== event.currentTarget) return;
    const page = Math.max(
      1,
      Math.floor((scrollElement?.clientHeight ?? 0) / ESTIMATED_ROW_HEIGHT) - 1,
    );
    const moves: Partial<Record<string, number>> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' && onRowOpen) {
      event.preventDefault();
      onRowOpen(row);
    }
  };

  if (rows.length === 0) {
    return (
      <Table.Tbody>
        <Table.Tr>
          <Table.Td colSpan={cells}>{noMatches}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    );
  }

  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const tabStop = Math.min(focused, rows.length - 1);
  return (
    <Table.Tbody>
      {before > 0 && <tr aria-hidden className={classes.spacer} style={{ height: before }} />}
      {items.map((item) => {
        const row = rows[item.index];
        if (!row) return null;
        const label = rowLabel(row.original);
        return (
          <Table.Tr
            key={row.id}
            data-index={item.index}
            ref={virtualizer.measureElement}
            tabIndex={item.index === tabStop ? 0 : -1}
            aria-rowindex={item.index + 2}
            aria-selected={row.getIsSelected()}
            data-row-id={row.id}
            className={classes.row}
            onKeyDown={(event) => onKeyDown(event, item.index, row.original)}
            onFocus={(event) => {
              if (event.target === event.currentTarget) setFocused(item.index);
            }}
            onDoubleClick={() => onRowOpen?.(row.original)}
          >
            {row.getVisibleCells().map((cell) => {
              if (cell.column.id === selectColumnId) {
                return (
                  <Table.Td key={cell.id} className={classes.select}>
                    <Checkbox
                      size="xs"
                      aria-label={`Select ${label}`}
                      checked={row.getIsSelected()}
                      onChange={row.getToggleSelectedHandler()}
                    />
                  </Table.Td>
                );
              }
              const column = columnsById.get(cell.column.id);
              return (
                <Table.Td key={cell.id} className={classes.cell}>
                  {column && <Cell row={row} column={column} />}
                </Table.Td>
              );
            })}
            {rowActions && <ActionsCell>{rowActions(row.original)}</ActionsCell>}
          </Table.Tr>
        );
      })}
      {after > 0 && <tr aria-hidden className={classes.spacer} style={{ height: after }} />}
    </Table.Tbody>
  );
}
