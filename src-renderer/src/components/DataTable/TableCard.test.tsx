import { ActionIcon, Table } from '@mantine/core';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMockBridge } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { BreakableCode } from './BreakableCode';
import { ActionsCell, ActionsHeader, NowrapText, TableCard } from './TableCard';

function Example() {
  return (
    <TableCard aria-label="Keys" minWidth={800} data-testid="frame">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Region</Table.Th>
          <ActionsHeader />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <Table.Tr>
          <Table.Td>key-1</Table.Td>
          <Table.Td>
            <NowrapText size="sm">ap-southeast-2</NowrapText>
          </Table.Td>
          <ActionsCell>
            <ActionIcon aria-label="Delete key-1">x</ActionIcon>
          </ActionsCell>
        </Table.Tr>
      </Table.Tbody>
    </TableCard>
  );
}

describe('TableCard', () => {
  it('frames a named table in a card with a sideways scroll area and a minimum width', () => {
    render(<Example />, createMockBridge().bridge);
    const table = screen.getByRole('table', { name: 'Keys' });
    const frame = screen.getByTestId('frame');
    expect(frame).toContainElement(table);
    expect(frame.querySelector('.mantine-ScrollArea-root')).toContainElement(table);
    expect(table.getAttribute('style')).toContain('--table-card-min-width: 800px');
  });

  it('pins the actions column: header and cells share the sticky class, the header is named', () => {
    render(<Example />, createMockBridge().bridge);
    const header = screen.getByRole('columnheader', { name: 'Actions' });
    const cell = screen.getByRole('button', { name: 'Delete key-1' }).closest('td');
    expect(cell).toHaveAttribute('data-actions');
    expect(header.className).toMatch(/_actions_/);
    expect(cell?.className).toMatch(/_actions_/);
  });

  it('keeps short codes on one line and marks them for the layout check', () => {
    render(<Example />, createMockBridge().bridge);
    const region = screen.getByText('ap-southeast-2');
    expect(region).toHaveAttribute('data-no-truncate');
    expect(region.className).toMatch(/nowrap/);
  });
});

describe('BreakableCode', () => {
  it('lets an ARN wrap after its separators only', () => {
    render(
      <BreakableCode>arn:aws:iam::111111111111:user/admin</BreakableCode>,
      createMockBridge().bridge,
    );
    const code = screen.getByText((_, element) => element?.tagName === 'CODE');
    expect(code.textContent).toBe('arn:aws:iam::111111111111:user/admin');
    // arn: aws: iam: : 111111111111: user/ admin → a break opportunity after each separator
    expect(code.querySelectorAll('wbr')).toHaveLength(6);
    expect(within(code).queryByRole('button')).toBeNull();
  });
});
