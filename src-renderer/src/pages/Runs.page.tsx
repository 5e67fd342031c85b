import { IconListCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useApi } from '../api/api-context';
import { useProfiles } from '../api/queries';
import { toSerialized } from '../api/present-error';
import { DataTable } from '../components/DataTable/DataTable';
import { EmptyState } from '../components/EmptyState/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { PageHeader } from '../components/PageHeader/PageHeader';
import { runColumns, runPath } from './runs/run-columns';

/** `/runs`: every guided job Keyward journaled, newest first. */
export function RunsPage() {
  const api = useApi();
  const navigate = useNavigate();
  const runs = useQuery({ queryKey: ['workflows.list'], queryFn: () => api.workflows.list() });
  const profiles = useProfiles().data;
  const columns = useMemo(() => {
    const names = new Map(profiles?.map((p) => [p.id, p.name]));
    return runColumns((id) => names.get(id) ?? id);
  }, [profiles]);
  return (
    <>
      <PageHeader
        title="Runs"
        description="Every guided job Keyward ran: its plan, how it ended, and the CloudTrail events it caused. An interrupted or failed run can be continued."
      />
      {runs.isError ? (
        <ErrorAlert error={toSerialized(runs.error)} />
      ) : (
        <DataTable
          aria-label="Runs"
          data-testid="runs-table"
          rows={runs.data ?? []}
          columns={columns}
          getRowId={(row) => row.runId}
          noun={{ one: 'run', many: 'runs' }}
          initialSorting={[{ id: 'started', desc: true }]}
          loading={runs.isPending}
          onRowOpen={(row) => void navigate(runPath(row.runId))}
          empty={
            <EmptyState
              icon={IconListCheck}
              title="No runs yet"
              description="A guided job (copy or share a snapshot from the Snapshots page) is journaled here when it starts, with every step it makes."
            />
          }
        />
      )}
    </>
  );
}
