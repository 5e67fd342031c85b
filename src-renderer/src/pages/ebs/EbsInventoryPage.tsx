import { Button, Group, Skeleton, Stack } from '@mantine/core';
import { IconDownload, IconRefresh, IconShareOff, type Icon } from '@tabler/icons-react';
import { useCallback, useMemo, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { EbsOwnership } from '../../../../src-shared/models/ebs-key';
import {
  ebsSharingRefKey,
  type EbsResourceRef,
  type EbsSharing,
} from '../../../../src-shared/models/ebs-sharing';
import type { CellState, ScopeCell } from '../../../../src-shared/models/kms-key';
import { toSerialized } from '../../api/present-error';
import { usePaletteActions } from '../../components/CommandPalette/use-palette-actions';
import { DataTable } from '../../components/DataTable/DataTable';
import type {
  DataColumn,
  DataTableHandle,
  RowNoun,
} from '../../components/DataTable/data-table-types';
import { createMainViewStore } from '../../components/DataTable/main-view-store';
import { useApi } from '../../api/api-context';
import { EmptyState } from '../../components/EmptyState/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { CellProgress } from '../../components/Inventory/CellProgress';
import { ScopePicker } from '../../components/Inventory/ScopePicker';
import { useInventoryScope } from '../../components/Inventory/use-inventory-scope';
import { PageHeader } from '../../components/PageHeader/PageHeader';
import { ebsCellId, ebsRowId } from './ebs-view';
import { RowActions } from './RowActions';
import type { EbsRowAction } from './row-actions';
import { useEbsInventory } from './use-ebs-inventory';
import { useSharing } from './use-sharing';

interface EbsRow extends ScopeCell {
  readonly profileName: string;
  readonly ownership: EbsOwnership;
}

export interface DetailProps<Row> {
  readonly row: Row | null;
  readonly sharing: EbsSharing | undefined;
  readonly onReloadSharing: (row: Row) => void;
  readonly onClose: () => void;
}

/** What makes the Snapshots page and the AMIs page differ. */
export interface EbsPageConfig<Row extends EbsRow> {
  readonly area: 'snapshots' | 'amis';
  readonly title: string;
  readonly description: string;
  readonly noun: RowNoun;
  readonly emptyIcon: Icon;
  readonly emptyDescription: string;
  readonly list: (scope: ScopeCell[]) => Promise<{ cells: CellState[]; rows: Row[] }>;
  readonly readSharing: (resources: EbsResourceRef[]) => Promise<EbsSharing[]>;
  readonly idOf: (row: Row) => string;
  readonly rowLabel: (row: Row) => string;
  readonly columns: (sharingOf: (row: Row) => EbsSharing | undefined) => DataColumn<Row>[];
  readonly initialSortColumn: string;
  readonly Detail: ComponentType<DetailProps<Row>>;
  readonly actions: readonly EbsRowAction<Row>[];
  /** Page-wide actions shown before Refresh ("Re-encrypt a volume…"). */
  readonly headerActions?: ReactNode;
}

/**
 * The Snapshots and AMIs pages: the scope's rows on the shared DataTable, the same scope picker
 * and per-cell progress as Keys, owned rows' sharing read for the rows on screen, a side panel per
 * row.
 */
export function EbsInventoryPage<Row extends EbsRow>({ config }: { config: EbsPageConfig<Row> }) {
  const { area, noun, idOf } = config;
  const table = useRef<DataTableHandle>(null);
  const api = useApi();
  const viewStore = useMemo(() => createMainViewStore(api, area), [api, area]);
  const { scope, setScope } = useInventoryScope();
  const navigate = useNavigate();
  const cells = scope.data?.cells;
  const { view, run, start } = useEbsInventory(cells, {
    operation: area === 'snapshots' ? 'snapshots.inventory' : 'amis.inventory',
    list: config.list,
    idOf,
  });
  const { sharing, onVisible, reload } = useSharing(config.readSharing);
  const refOf = useCallback(
    (row: Row): EbsResourceRef => ({ profileId: row.profileId, region: row.region, id: idOf(row) }),
    [idOf],
  );
  const sharingOf = useCallback(
    (row: Row) => sharing.get(ebsSharingRefKey(refOf(row))),
    [sharing, refOf],
  );
  const rows = useMemo(() => [...view.rows.values()], [view.rows]);
  const columns = useMemo(() => config.columns(sharingOf), [config, sharingOf]);
  const [openId, setOpenId] = useState<string | null>(null);
  const opened = openId ? (view.rows.get(openId) ?? null) : null;
  const cellStates = useMemo(
    () =>
      (cells ?? []).map(
        (cell): CellState =>
          view.cells.get(ebsCellId(cell)) ?? {
            ...cell,
            profileName: cell.profileId,
            status: 'pending',
            keysListed: 0,
            keysLoaded: 0,
            error: null,
            loadedAt: null,
          },
      ),
    [view.cells, cells],
  );
  const running = run.status === 'running';
  const refresh = () => cells && void start(cells, 'incremental');
  const open = (row: Row) => setOpenId(ebsRowId(row, idOf(row)));
  const onVisibleRowsChange = (visible: readonly Row[]) =>
    onVisible(visible.filter((row) => row.ownership === 'owned').map(refOf));

  usePaletteActions([
    {
      id: `${area}.refresh`,
      label: `Refresh ${noun.many}`,
      description: `Read the ${noun.many} of the scope again`,
      icon: IconRefresh,
      keywords: ['reload', 'inventory'],
      run: refresh,
    },
    {
      id: `${area}.export-csv`,
      label: `Export ${noun.many} as CSV…`,
      description: `The ${noun.many} the search and filters leave, with the columns shown`,
      icon: IconDownload,
      keywords: ['download', 'spreadsheet'],
      run: () => table.current?.exportCsv(),
    },
    {
      id: `${area}.export-json`,
      label: `Export ${noun.many} as JSON…`,
      description: `The ${noun.many} the search and filters leave, every field`,
      icon: IconDownload,
      keywords: ['download'],
      run: () => table.current?.exportJson(),
    },
    {
      id: 'sharing.revoke',
      label: 'Revoke sharing with an account…',
      description: 'Find the snapshots, AMIs, key policy statements and grants naming an account',
      icon: IconShareOff,
      keywords: ['unshare', 'stop sharing', 'cross-account', 'permission'],
      run: () => void navigate('/sharing/revoke'),
    },
  ]);

  return (
    <>
      <PageHeader
        title={config.title}
        description={config.description}
        actions={
          <Group gap="xs">
            {config.headerActions}
            <Button
              variant="default"
              component={Link}
              to="/sharing/revoke"
              leftSection={<IconShareOff size={16} />}
            >
              Revoke sharing with an account…
            </Button>
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} />}
              loading={running}
              disabled={!cells}
              onClick={refresh}
            >
              Refresh
            </Button>
          </Group>
        }
      />
      {scope.error && <ErrorAlert error={toSerialized(scope.error)} />}
      {scope.isLoading && <Skeleton h={320} />}
      {cells && (
        <DataTable<Row>
          ref={table}
          aria-label={config.title}
          data-testid={`${area}-table`}
          rows={rows}
          columns={columns}
          getRowId={(row) => ebsRowId(row, idOf(row))}
          rowLabel={config.rowLabel}
          noun={noun}
          initialSorting={[{ id: config.initialSortColumn, desc: false }]}
          viewStore={viewStore}
          exportName={area}
          loading={running}
          onRowOpen={open}
          onVisibleRowsChange={onVisibleRowsChange}
          rowActions={(row) => (
            <RowActions
              row={row}
              label={config.rowLabel(row)}
              actions={config.actions}
              onOpen={open}
            />
          )}
          toolbar={
            <ScopePicker
              cells={cells}
              isDefault={scope.data?.isDefault ?? true}
              onApply={(next) => setScope.mutate(next)}
            />
          }
          status={
            <Stack gap="xs">
              <CellProgress
                cells={cellStates}
                noun={noun}
                retrying={running}
                onRetry={(failed) => void start(failed, 'full')}
              />
              {run.status === 'failed' && <ErrorAlert error={run.error} />}
            </Stack>
          }
          empty={
            <EmptyState
              icon={config.emptyIcon}
              title={`No ${noun.many} in this scope`}
              description={config.emptyDescription}
            />
          }
        />
      )}
      <config.Detail
        row={opened}
        sharing={opened ? sharingOf(opened) : undefined}
        onReloadSharing={(row) => reload(refOf(row))}
        onClose={() => setOpenId(null)}
      />
    </>
  );
}
