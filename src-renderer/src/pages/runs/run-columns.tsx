import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { WorkflowRunSummary } from '../../../../src-shared/models/workflow-plan';
import type { DataColumn } from '../../components/DataTable/data-table-types';
import { NowrapText } from '../../components/DataTable/TableCard';
import { StatusBadge } from '../../components/StatusBadge/StatusBadge';
import classes from '../key-detail/KeyDetail.module.css';
import { formatDate } from '../key-detail/format';
import { formatDuration, jobLabel, runDurationMs, runStatusBadge } from './run-labels';

export const runPath = (runId: string) => `/runs/${encodeURIComponent(runId)}`;

/** The Runs table: what each run did, how it ended, when, how long, and as whom where. */
export const runColumns = (
  profileName: (id: string) => string,
): readonly DataColumn<WorkflowRunSummary>[] => [
  {
    id: 'job',
    header: 'Job',
    value: (row) => jobLabel(row.job),
    filter: 'select',
    width: 120,
  },
  {
    id: 'title',
    header: 'Run',
    value: (row) => row.title,
    cell: (row) => (
      <Stack gap={2} align="flex-start">
        <Anchor
          className={classes.link}
          component={Link}
          to={runPath(row.runId)}
          size="sm"
          style={{ overflowWrap: 'anywhere' }}
        >
          {row.title}
        </Anchor>
        <Text size="xs" c="dimmed">
          {row.stepsDone} of {row.stepCount} steps done
        </Text>
      </Stack>
    ),
    filter: 'text',
    hideable: false,
    width: 260,
  },
  {
    id: 'status',
    header: 'Status',
    value: (row) => runStatusBadge(row.status, row.resumable).label,
    cell: (row) => {
      const badge = runStatusBadge(row.status, row.resumable);
      return (
        <StatusBadge tone={badge.tone} tt="none">
          {badge.label}
        </StatusBadge>
      );
    },
    filter: 'select',
    width: 110,
  },
  {
    id: 'started',
    header: 'Started',
    value: (row) => row.createdAt,
    cell: (row) => <NowrapText size="sm">{formatDate(row.createdAt)}</NowrapText>,
    sortable: true,
    width: 180,
  },
  {
    id: 'duration',
    header: 'Duration',
    value: (row) => runDurationMs(row),
    cell: (row) => {
      const ms = runDurationMs(row);
      return <NowrapText size="sm">{ms === null ? '—' : formatDuration(ms)}</NowrapText>;
    },
    width: 110,
  },
  {
    id: 'where',
    header: 'Profiles and Regions',
    value: (row) => `${row.profileIds.map(profileName).join(', ')} · ${row.regions.join(', ')}`,
    cell: (row) => (
      <Stack gap={2}>
        <Text size="sm">{row.profileIds.map(profileName).join(', ')}</Text>
        <Text size="xs" c="dimmed">
          {row.regions.join(', ')}
        </Text>
      </Stack>
    ),
    filter: 'text',
    width: 140,
  },
];
