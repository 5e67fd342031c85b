import { Button, SegmentedControl, Skeleton, Stack } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconDownload, IconKey, IconRefresh, IconRotateClockwise } from '@tabler/icons-react';
import { Suspense, useMemo, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { KeyRow, ScopeCell } from '../../../src-shared/models/kms-key';
import { useApi } from '../api/api-context';
import { presentError, toSerialized } from '../api/present-error';
import { usePaletteActions } from '../components/CommandPalette/use-palette-actions';
import { DataTable } from '../components/DataTable/DataTable';
import type { DataTableHandle } from '../components/DataTable/data-table-types';
import { createMainViewStore } from '../components/DataTable/main-view-store';
import { EmptyState } from '../components/EmptyState/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { LazyDialog } from '../components/ModalFrame/LazyDialog';
import { PageHeader } from '../components/PageHeader/PageHeader';
import { lazyNamed } from '../lazy-named';
import { CellProgress } from '../components/Inventory/CellProgress';
import { rowId } from '../../../src-shared/models/inventory-view';
import { cellsInScope } from './keys/inventory-state';
import { keyColumns } from './keys/key-columns';
import { CostSummary } from './keys/CostSummary';
import { KeyRowActions } from './keys/KeyRowActions';
import { keyName } from './keys/key-labels';
import { keyPath } from './keys/key-paths';
import { useBulkRotation } from './keys/use-bulk-rotation';
import { NoProfileYet } from './keys/NoProfileYet';
import { ScopePicker } from '../components/Inventory/ScopePicker';
import { useInventory } from './keys/use-inventory';
import { useLastUsage } from './keys/use-last-usage';

const scopeQueryKey = ['keys.scope'] as const;
const noun = { one: 'key', many: 'keys' };
const initialSorting = [{ id: 'aliases', desc: false }];
const RotationCompliance = lazyNamed(
  () => import('./keys/rotation/RotationCompliance'),
  'RotationCompliance',
);
const EnableRotationDialog = lazyNamed(
  () => import('./keys/rotation/EnableRotationDialog'),
  'EnableRotationDialog',
);
const views = [
  { value: 'all', label: 'All keys' },
  { value: 'rotation', label: 'Rotation compliance' },
];

export function KeysPage() {
  const api = useApi();
  const viewStore = useMemo(() => createMainViewStore(api, 'keys'), [api]);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const table = useRef<DataTableHandle>(null);
  const scope = useQuery({ queryKey: scopeQueryKey, queryFn: () => api.keys.getScope() });
  const setScope = useMutation({
    mutationFn: (cells: readonly ScopeCell[] | null) =>
      api.keys.setScope({ cells: cells ? [...cells] : null }),
    onSuccess: (next) => queryClient.setQueryData(scopeQueryKey, next),
    onError: (error) => presentError(error),
  });
  const cells = scope.data?.cells;
  const { state, run, start, refreshKeys } = useInventory(cells);
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'rotation' ? 'rotation' : 'all';
  const bulk = useBulkRotation(refreshKeys);
  const { usage, onVisibleRowsChange } = useLastUsage();
  const rows = useMemo(() => [...state.rows.values()], [state.rows]);
  const columns = useMemo(() => keyColumns(usage), [usage]);
  const cellStates = useMemo(
    () =>
      cellsInScope(state, cells ?? [], (id) => {
        const known = [...state.cells.values()].find((cell) => cell.profileId === id);
        return known?.profileName ?? id;
      }),
    [state, cells],
  );
  const running = run.status === 'running';
  const refresh = () => cells && void start(cells, 'incremental');
  const open = (row: KeyRow) => void navigate(keyPath(row));

  usePaletteActions([
    {
      id: 'keys.refresh',
      label: 'Refresh keys',
      description: 'Read the inventory of the scope again',
      icon: IconRefresh,
      keywords: ['reload', 'inventory'],
      run: refresh,
    },
    {
      id: 'keys.export-csv',
      label: 'Export keys as CSV…',
      description: 'The keys the search and filters leave, with the columns shown',
      icon: IconDownload,
      keywords: ['download', 'spreadsheet'],
      run: () => table.current?.exportCsv(),
    },
  ]);

  const toolbar = cells && (
    <ScopePicker
      cells={cells}
      isDefault={scope.data?.isDefault ?? true}
      onApply={(next) => setScope.mutate(next)}
    />
  );
  const status = (
    <Stack gap="xs">
      <CellProgress
        cells={cellStates}
        retrying={running}
        onRetry={(failed) => void start(failed, 'full')}
      />
      {run.status === 'failed' && <ErrorAlert error={run.error} />}
    </Stack>
  );
  const empty =
    cells?.length === 0 ? (
      <NoProfileYet />
    ) : (
      <EmptyState
        icon={IconKey}
        title="No keys in this scope"
        description="None of the chosen profiles has a KMS key in the chosen regions. Choose another scope, or refresh."
      />
    );

  return (
    <>
      <PageHeader
        title="Keys"
        description="Every KMS key of the scope: each profile in each region, read in parallel."
        actions={
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} />}
            loading={running}
            disabled={!cells}
            onClick={refresh}
          >
            Refresh
          </Button>
        }
      />
      <SegmentedControl
        aria-label="View"
        data={views}
        value={view}
        onChange={(next) => setParams(next === 'rotation' ? { view: next } : {}, { replace: true })}
        mb="md"
      />
      {scope.error && <ErrorAlert error={toSerialized(scope.error)} />}
      {scope.isLoading && <Skeleton h={320} />}
      {cells && view === 'all' && (
        <DataTable<KeyRow>
          ref={table}
          aria-label="Keys"
          data-testid="keys-table"
          rows={rows}
          columns={columns}
          getRowId={rowId}
          rowLabel={keyName}
          noun={noun}
          initialSorting={initialSorting}
          viewStore={viewStore}
          exportName="keys"
          loading={running}
          onRowOpen={open}
          onVisibleRowsChange={onVisibleRowsChange}
          rowActions={(row) => <KeyRowActions row={row} onOpen={open} />}
          bulkActions={(selected, clear) => (
            <Button
              size="xs"
              leftSection={<IconRotateClockwise size={14} />}
              onClick={() => bulk.open(selected, clear)}
            >
              Enable rotation…
            </Button>
          )}
          toolbar={toolbar}
          status={status}
          empty={empty}
          summary={(shown) => <CostSummary rows={shown} />}
        />
      )}
      {cells && view === 'rotation' && (
        <Suspense fallback={<Skeleton h={320} />}>
          <RotationCompliance
            rows={rows}
            loading={running}
            toolbar={toolbar}
            status={status}
            empty={empty}
            onOpen={open}
            onEnableRotation={bulk.open}
          />
        </Suspense>
      )}
      <LazyDialog opened={bulk.opened}>
        <EnableRotationDialog
          opened={bulk.opened}
          rows={bulk.rows}
          onClose={bulk.close}
          onChanged={bulk.onChanged}
        />
      </LazyDialog>
    </>
  );
}
