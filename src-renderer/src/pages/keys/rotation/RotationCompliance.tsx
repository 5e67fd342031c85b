import { Button, Paper, Text } from '@mantine/core';
import { IconRotateClockwise } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { rowId } from '../../../../../src-shared/models/inventory-view';
import {
  rotationComplianceOf,
  rotationCounts,
  rotationSummary,
} from '../../../../../src-shared/models/key-rotation-compliance';
import type { KeyRow } from '../../../../../src-shared/models/kms-key';
import { ActionGroup } from '../../../components/ActionGroup/ActionGroup';
import { DataTable } from '../../../components/DataTable/DataTable';
import { createMainViewStore } from '../../../components/DataTable/main-view-store';
import { useApi } from '../../../api/api-context';
import { stableOrder } from '../../../components/DataTable/stable-order';
import { keyName } from '../key-labels';
import { keyPath, manualRotationPath } from '../key-paths';
import { rotationColumns, type ComplianceRow } from './rotation-columns';
import { rotationStatusOrder } from './rotation-labels';

const noun = { one: 'key', many: 'keys' };

function RowActions({ row }: { row: ComplianceRow }) {
  const { status } = row.compliance;
  const name = keyName(row);
  const action =
    status === 'by-hand'
      ? { label: 'Rotate by hand…', to: manualRotationPath(row), aria: `Rotate ${name} by hand` }
      : status === 'off' || status === 'unknown'
        ? { label: 'Rotation tab', to: keyPath(row, 'rotation'), aria: `Rotation of ${name}` }
        : { label: 'Open', to: keyPath(row, 'rotation'), aria: `Open ${name}` };
  return (
    <ActionGroup nowrap gap={4} aria-label={`Actions for ${name}`}>
      <Button
        component={Link}
        to={action.to}
        variant="subtle"
        size="compact-sm"
        aria-label={action.aria}
      >
        {action.label}
      </Button>
    </ActionGroup>
  );
}

/**
 * The inventory seen by rotation (issue 12 §7): which keys rotate, which could but don't, which
 * only a person can rotate and why — keys needing action first. Selected keys get
 * "Enable rotation…".
 */
export function RotationCompliance(props: {
  rows: readonly KeyRow[];
  loading: boolean;
  toolbar: ReactNode;
  status: ReactNode;
  empty: ReactNode;
  onOpen: (row: KeyRow) => void;
  onEnableRotation: (rows: readonly KeyRow[], clear: () => void) => void;
}) {
  const { rows, onEnableRotation } = props;
  const api = useApi();
  const viewStore = useMemo(() => createMainViewStore(api, 'keys-rotation'), [api]);
  const complianceRows = useMemo(() => {
    const now = new Date();
    const classified = rows.map((row): ComplianceRow => ({
      ...row,
      compliance: rotationComplianceOf(row, now),
    }));
    return stableOrder(classified, {
      group: (row) => rotationStatusOrder(row.compliance.status),
      name: keyName,
      id: rowId,
    });
  }, [rows]);
  const summary = useMemo(
    () => rotationSummary(rotationCounts(complianceRows.map((row) => row.compliance))),
    [complianceRows],
  );
  const columns = useMemo(() => rotationColumns(), []);
  return (
    <DataTable<ComplianceRow>
      aria-label="Rotation compliance"
      data-testid="rotation-table"
      rows={complianceRows}
      columns={columns}
      getRowId={rowId}
      rowLabel={keyName}
      noun={noun}
      viewStore={viewStore}
      exportName="keys-rotation"
      loading={props.loading}
      onRowOpen={props.onOpen}
      actionsWidth={176}
      rowActions={(row) => <RowActions row={row} />}
      bulkActions={(selected, clear) => (
        <Button
          size="xs"
          leftSection={<IconRotateClockwise size={14} />}
          onClick={() => onEnableRotation(selected, clear)}
        >
          Enable rotation…
        </Button>
      )}
      toolbar={props.toolbar}
      status={
        <>
          <Paper withBorder p="sm" data-testid="rotation-summary">
            <Text size="sm" fw={600}>
              {summary}
            </Text>
            <Text size="xs" c="dimmed">
              Select keys, then “Enable rotation…” to turn it on for all AWS can rotate; keys only a
              person can rotate lead to the manual rotation wizard.
            </Text>
          </Paper>
          {props.status}
        </>
      }
      empty={props.empty}
    />
  );
}
