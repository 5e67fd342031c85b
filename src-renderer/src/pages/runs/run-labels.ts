import type { RunStatus, WorkflowRunSummary } from '../../../../src-shared/models/workflow-plan';
import type { StatusTone } from '../../components/StatusBadge/StatusBadge';

/** A run's status as the Runs page says it; a `running` run no process is running was cut off. */
export function runStatusBadge(
  status: RunStatus,
  resumable: boolean,
): { label: string; tone: StatusTone } {
  if (status === 'running' && resumable) return { label: 'Interrupted', tone: 'warning' };
  const badges: Record<RunStatus, { label: string; tone: StatusTone }> = {
    running: { label: 'Running', tone: 'neutral' },
    done: { label: 'Done', tone: 'ok' },
    failed: { label: 'Failed', tone: 'danger' },
    undoing: { label: 'Undoing', tone: 'neutral' },
    undone: { label: 'Undone', tone: 'neutral' },
  };
  return badges[status];
}

const jobLabels: Readonly<Record<string, string>> = {
  'copy-snapshot': 'Copy a snapshot',
  'share-snapshot': 'Share a snapshot',
  'share-ami': 'Share an AMI',
  're-encrypt': 'Re-encrypt',
  'revoke-sharing': 'Revoke sharing',
};

export const jobLabel = (job: string): string => jobLabels[job] ?? job;

/** "2 min 5 s", "45 s", "1 h 3 min": how long something took, to the second. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** From start to end (or to the last journaled change, for a run that has not ended). */
export const spanMs = (from: string | undefined, to: string | undefined): number | null =>
  from === undefined || to === undefined ? null : Date.parse(to) - Date.parse(from);

export const runDurationMs = (
  run: Pick<WorkflowRunSummary, 'createdAt' | 'updatedAt' | 'endedAt'>,
) => spanMs(run.createdAt, run.endedAt ?? run.updatedAt);
