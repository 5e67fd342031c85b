import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, useState } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMockBridge } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { DataTable } from './DataTable';
import type { DataColumn, DataTableHandle } from './data-table-types';
import { createMemoryViewStore } from './memory-view-store';

interface Item {
  id: string;
  name: string;
  state: 'Enabled' | 'Disabled';
  region: string;
  size: number;
  note: string;
}

const columns: DataColumn<Item>[] = [
  { id: 'name', header: 'Name', value: (row) => row.name, width: 160, filter: 'text' },
  { id: 'state', header: 'State', value: (row) => row.state, width: 120, filter: 'select' },
  { id: 'region', header: 'Region', value: (row) => row.region, width: 120, filter: 'select' },
  { id: 'size', header: 'Size', value: (row) => row.size, width: 80 },
  { id: 'note', header: 'Note', value: (row) => row.note, width: 200, hiddenByDefault: true },
];

const items: Item[] = [
  { id: 'a', name: 'app-data', state: 'Enabled', region: 'us-east-1', size: 10, note: '=SUM(A1)' },
  {
    id: 'b',
    name: 'backup',
    state: 'Disabled',
    region: 'eu-west-1',
    size: 2,
    note: 'say "hi", ok',
  },
  { id: 'c', name: 'logs', state: 'Enabled', region: 'eu-west-1', size: 30, note: 'plain' },
];

function many(count: number): Item[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `k${index}`,
    name: `key-${index}`,
    state: index % 3 === 0 ? 'Disabled' : 'Enabled',
    region: index % 2 === 0 ? 'us-east-1' : 'eu-west-1',
    size: index,
    note: '',
  }));
}

const noun = { one: 'key', many: 'keys' };
const getRowId = (row: Item) => row.id;

function show(props: Partial<Parameters<typeof DataTable<Item>>[0]> = {}) {
  return render(
    <DataTable<Item>
      aria-label="Keys"
      rows={items}
      columns={columns}
      getRowId={getRowId}
      noun={noun}
      {...props}
    />,
    createMockBridge().bridge,
  );
}

const bodyRows = () =>
  within(screen.getByRole('table', { name: 'Keys' }))
    .getAllByRole('row')
    .filter((row) => row.hasAttribute('data-row-id'));
const names = () => bodyRows().map((row) => within(row).getAllByRole('cell')[0]!.textContent);

// The virtualiser sizes its window from the scroll element; jsdom lays nothing out.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get: () => 600,
  });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

describe('DataTable', () => {
  it('sorts by a header button, says so with aria-sort, and reverses on a second click', async () => {
    show();
    const header = screen.getByRole('columnheader', { name: /Size/ });
    expect(header).toHaveAttribute('aria-sort', 'none');
    await userEvent.click(within(header).getByRole('button', { name: 'Size' }));
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    expect(names()).toEqual(['backup', 'app-data', 'logs']);
    await userEvent.click(within(header).getByRole('button', { name: 'Size' }));
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(names()).toEqual(['logs', 'app-data', 'backup']);
  });

  it('filters by a faceted choice and shows the filter, removable', async () => {
    show();
    await userEvent.click(screen.getByRole('button', { name: 'Filter State' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Disabled (1)' }));
    expect(names()).toEqual(['backup']);
    expect(screen.getByTestId('row-count')).toHaveTextContent('1 of 3 keys');
    await userEvent.click(screen.getByRole('button', { name: 'Remove filter on State' }));
    expect(names()).toHaveLength(3);
  });

  it('filters a text column by what it contains', async () => {
    show();
    await userEvent.click(screen.getByRole('button', { name: 'Filter Name' }));
    await userEvent.type(await screen.findByLabelText('Name contains'), 'LOG');
    expect(names()).toEqual(['logs']);
  });

  it('searches the columns shown, and only those', async () => {
    show();
    const search = screen.getByRole('textbox', { name: 'Search keys' });
    await userEvent.type(search, 'eu-west');
    expect(names()).toEqual(['backup', 'logs']);
    await userEvent.clear(search);
    // "plain" is only in the hidden Note column.
    await userEvent.type(search, 'plain');
    expect(names()).toEqual([]);
    expect(screen.getByText('No keys match the search and filters.')).toBeInTheDocument();
  });

  it('sums what the search leaves in the summary line', async () => {
    show({
      summary: (shown) => (
        <p>
          {shown.length} shown, size {shown.reduce((sum, row) => sum + row.size, 0)}
        </p>
      ),
    });
    expect(screen.getByText('3 shown, size 42')).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: 'Search keys' }), 'eu-west');
    expect(screen.getByText('2 shown, size 32')).toBeInTheDocument();
  });

  it("keeps the state of the page's toolbar controls when the first rows arrive", async () => {
    function Counter() {
      const [clicks, setClicks] = useState(0);
      return <button onClick={() => setClicks(clicks + 1)}>Opened {clicks}</button>;
    }
    function Page() {
      const [rows, setRows] = useState<Item[]>([]);
      return (
        <>
          <button onClick={() => setRows(items)}>Load</button>
          <DataTable<Item>
            aria-label="Keys"
            rows={rows}
            columns={columns}
            getRowId={getRowId}
            noun={noun}
            toolbar={<Counter />}
            empty={<p>No keys yet</p>}
          />
        </>
      );
    }
    render(<Page />, createMockBridge().bridge);
    await userEvent.click(screen.getByRole('button', { name: 'Opened 0' }));
    expect(screen.getByText('No keys yet')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Load' }));
    expect(names()).toEqual(['app-data', 'backup', 'logs']);
    expect(screen.getByRole('button', { name: 'Opened 1' })).toBeInTheDocument();
  });

  it('shows and hides columns from the column chooser', async () => {
    show();
    expect(screen.queryByRole('columnheader', { name: /Note/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Columns' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Note' }));
    expect(screen.getByRole('columnheader', { name: /Note/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Region' }));
    expect(screen.queryByRole('columnheader', { name: /Region/ })).toBeNull();
  });

  it('exports the filtered rows with the columns shown, quoted and formula-safe', async () => {
    const texts: string[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      const reader = new FileReader();
      reader.onload = () => texts.push(String(reader.result));
      reader.readAsText(blob);
      return 'blob:x';
    });
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const ref = createRef<DataTableHandle>();
    show({ ref });
    await userEvent.click(screen.getByRole('button', { name: 'Columns' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Note' }));
    await userEvent.click(screen.getByRole('button', { name: 'Filter Region' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'us-east-1 (1)' }));
    ref.current?.exportCsv();
    ref.current?.exportJson();
    await waitFor(() => expect(texts).toHaveLength(2));
    expect(texts[0]).toBe(
      "Name,State,Region,Size,Note\r\napp-data,Enabled,us-east-1,10,'=SUM(A1)\r\n",
    );
    expect(JSON.parse(texts[1]!)).toEqual([
      { name: 'app-data', state: 'Enabled', region: 'us-east-1', size: 10, note: '=SUM(A1)' },
    ]);
    vi.unstubAllGlobals();
  });

  it('saves a view and brings back its sort, filters, columns and search', async () => {
    const store = createMemoryViewStore();
    show({ viewStore: store });
    await userEvent.type(screen.getByRole('textbox', { name: 'Search keys' }), 'e');
    await userEvent.click(
      within(screen.getByRole('columnheader', { name: /Size/ })).getByRole('button', {
        name: 'Size',
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Filter State' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: /^Enabled/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Views' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Save current view…' }));
    await userEvent.type(await screen.findByLabelText('View name'), 'Enabled by size');
    await userEvent.click(screen.getByRole('button', { name: 'Save view' }));
    expect(await store.list()).toEqual([
      {
        name: 'Enabled by size',
        sorting: [{ id: 'size', desc: false }],
        filters: [{ id: 'state', value: ['Enabled'] }],
        columns: { note: false },
        search: 'e',
      },
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Views' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Reset to default' }));
    expect(names()).toEqual(['app-data', 'backup', 'logs']);
    await userEvent.click(screen.getByRole('button', { name: 'Views' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Enabled by size' }));
    expect(names()).toEqual(['app-data', 'logs']);
    expect(screen.getByRole('textbox', { name: 'Search keys' })).toHaveValue('e');
  });

  it('renders fewer than 100 rows of 10,000, and counts them all', async () => {
    show({ rows: many(10_000) });
    expect(screen.getByTestId('row-count')).toHaveTextContent('10,000 keys');
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(5));
    expect(document.querySelectorAll('tr').length).toBeLessThan(100);
  });

  it('moves the focused row with the arrow keys and opens it with Enter', async () => {
    const onRowOpen = vi.fn();
    show({ onRowOpen });
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    const [first] = bodyRows();
    first!.focus();
    fireEvent.keyDown(first!, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(bodyRows()[1]));
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(onRowOpen).toHaveBeenCalledWith(items[1]);
  });

  it('tells the page which rows are shown', async () => {
    const onVisibleRowsChange = vi.fn();
    show({ rows: many(10_000), onVisibleRowsChange });
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(5));
    const shown = onVisibleRowsChange.mock.calls.at(-1)?.[0] as Item[];
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(100);
    expect(shown[0]?.id).toBe('k0');
  });

  it('selects every filtered row for bulk actions', async () => {
    const bulk = vi.fn(() => <button type="button">Disable</button>);
    show({ bulkActions: bulk, rowLabel: (row) => row.name });
    await userEvent.click(screen.getByRole('button', { name: 'Filter Region' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'eu-west-1 (2)' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all keys shown' }));
    expect(screen.getByRole('button', { name: 'Disable' })).toBeInTheDocument();
    expect(bulk).toHaveBeenLastCalledWith([items[1], items[2]], expect.any(Function));
    expect(screen.getByTestId('row-count')).toHaveTextContent('2 of 3 keys · 2 selected');
  });

  it('shows the empty state when there are no rows and none are coming', () => {
    show({ rows: [], empty: <p>No keys yet</p> });
    expect(screen.getByText('No keys yet')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says it is loading while rows are coming', () => {
    show({ rows: [], loading: true, empty: <p>No keys yet</p> });
    expect(screen.getByText('Loading keys…')).toBeInTheDocument();
  });
});
