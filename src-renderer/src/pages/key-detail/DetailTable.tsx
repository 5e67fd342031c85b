import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ActionsHeader, TableCard } from '../../components/DataTable/TableCard';

interface Props {
  readonly label: string;
  readonly columns: readonly string[];
  /** Rows shown; with none, `empty` says so instead of an empty table. */
  readonly count: number;
  readonly empty: string;
  readonly minWidth: number;
  /** The last column holds each row's ActionsCell. */
  readonly withActions?: boolean;
  readonly 'data-testid': string;
  readonly children: ReactNode;
}

/** A small table of the key's parts (aliases, tags, grants, rotations …) in a TableCard. */
export function DetailTable(props: Props) {
  if (props.count === 0)
    return (
      <Text size="sm" c="dimmed" data-testid={`${props['data-testid']}-empty`}>
        {props.empty}
      </Text>
    );
  return (
    <TableCard
      aria-label={props.label}
      minWidth={props.minWidth}
      data-testid={props['data-testid']}
    >
      <Table.Thead>
        <Table.Tr>
          {props.columns.map((column) => (
            <Table.Th key={column}>{column}</Table.Th>
          ))}
          {props.withActions && <ActionsHeader />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{props.children}</Table.Tbody>
    </TableCard>
  );
}
