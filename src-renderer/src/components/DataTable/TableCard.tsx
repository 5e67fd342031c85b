import {
  Card,
  ScrollArea,
  Table,
  Text,
  VisuallyHidden,
  type TableProps,
  type TextProps,
} from '@mantine/core';
import { useMergedRef } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import classes from './DataTable.module.css';

export interface TableCardProps extends Omit<TableProps, 'children' | 'className'> {
  readonly children: ReactNode;
  /** Names the table for assistive technology (there is no visible caption). */
  readonly 'aria-label': string;
  /**
   * Below this width (px) the table scrolls sideways inside its card instead of squeezing its
   * columns; the actions column stays in view either way.
   */
  readonly minWidth?: number;
  /** When set (px or a CSS length), the body scrolls inside the card under a sticky header. */
  readonly maxHeight?: number | string;
  /**
   * `fixed`: columns keep the widths their header cells give them whatever rows are shown (a
   * virtualised table, whose rows come and go as it scrolls).
   */
  readonly layout?: 'auto' | 'fixed';
  /** The scrolling element, for a virtualiser. */
  readonly viewportRef?: Ref<HTMLDivElement>;
  readonly 'data-testid'?: string;
}

/** True while some of the table is hidden to the right of the viewport (under the actions). */
function useScrollsUnder() {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollsUnder, setScrollsUnder] = useState(false);
  const measure = useCallback(() => {
    const element = viewport.current;
    if (!element) return;
    setScrollsUnder(element.scrollWidth - element.clientWidth - element.scrollLeft > 1);
  }, []);
  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [measure]);
  return { viewport, scrollsUnder, measure };
}

/**
 * The frame every data table uses (Profiles now; Keys, Snapshots, AMIs and Audit next): a
 * bordered card, a ScrollArea inside it, and a Table whose last column is `ActionsCell`s that
 * stay pinned to the right edge. Pass `Table.Thead` and `Table.Tbody` as children.
 */
export function TableCard({
  children,
  minWidth,
  maxHeight,
  layout = 'auto',
  viewportRef,
  'data-testid': testId,
  ...tableProps
}: TableCardProps) {
  const { viewport, scrollsUnder, measure } = useScrollsUnder();
  const viewportRefs = useMergedRef(viewport, viewportRef);
  return (
    <Card
      withBorder
      padding={0}
      radius="lg"
      className={classes.card}
      data-scrolls-under={scrollsUnder || undefined}
      data-testid={testId}
    >
      <ScrollArea
        type="auto"
        scrollbars={maxHeight ? 'xy' : 'x'}
        mah={maxHeight}
        viewportRef={viewportRefs}
        onScrollPositionChange={measure}
      >
        <Table
          highlightOnHover
          verticalSpacing="sm"
          stickyHeader={maxHeight !== undefined}
          {...tableProps}
          className={classes.table}
          data-layout={layout}
          style={minWidth ? { '--table-card-min-width': `${minWidth}px` } : undefined}
        >
          {children}
        </Table>
      </ScrollArea>
    </Card>
  );
}

/** The header cell over the actions column: sticky like the cells under it, and named. */
export function ActionsHeader({ label = 'Actions' }: { label?: string }) {
  return (
    <Table.Th className={classes.actions}>
      <VisuallyHidden>{label}</VisuallyHidden>
    </Table.Th>
  );
}

/**
 * A row's actions: pinned to the right edge of the card, on an opaque background, one line.
 * Put the buttons in an `ActionGroup nowrap` inside it.
 */
export function ActionsCell({ children }: { children: ReactNode }) {
  return (
    <Table.Td className={classes.actions} data-actions>
      {children}
    </Table.Td>
  );
}

/**
 * Text that must stay on one line: region codes, ids, dates, short states. It widens its column
 * rather than wrap or be cut.
 */
export function NowrapText(props: TextProps & { children: ReactNode; 'data-testid'?: string }) {
  return <Text {...props} className={classes.nowrap} data-no-truncate />;
}
