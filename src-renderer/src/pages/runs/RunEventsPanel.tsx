import { Alert, Anchor, Code, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { RunEvent, RunEvents } from '../../../../src-shared/models/run-events';
import { useApi } from '../../api/api-context';
import { toSerialized } from '../../api/present-error';
import { TableCard } from '../../components/DataTable/TableCard';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import classes from '../key-detail/KeyDetail.module.css';
import { formatDate } from '../key-detail/format';
import { auditLink } from './audit-link';

/** Long ARNs, ids and event names wrap in their column instead of being cut. */
const wrap = { overflowWrap: 'anywhere' } as const;

function EventRow({ event }: { event: RunEvent }) {
  return (
    <Table.Tr data-testid="run-event">
      <Table.Td>
        {/* To the second: a run's events are seconds apart. */}
        <Text size="sm">{event.time.slice(11, 19)} UTC</Text>
        <Text size="xs" c="dimmed">
          {event.time.slice(0, 10)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600} style={wrap}>
          {event.eventName}
        </Text>
        <Text size="xs" c="dimmed" style={wrap}>
          {event.eventSource} · {event.profileId} in {event.region}
          {event.errorCode ? ` · ${event.errorCode}` : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={wrap}>
          {event.who}
        </Text>
      </Table.Td>
      <Table.Td>
        {event.requestId ? (
          <Code fz="xs" style={wrap}>
            {event.requestId}
          </Code>
        ) : (
          '—'
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function EventsTable({ found }: { found: RunEvents }) {
  if (found.events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        CloudTrail has no change naming this run’s resources yet. Events reach the history a few
        minutes after the call; look again later.
      </Text>
    );
  }
  return (
    <TableCard aria-label="CloudTrail events of the run" layout="fixed" minWidth={680}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={120}>Time</Table.Th>
          <Table.Th w={200}>Event</Table.Th>
          <Table.Th>Who</Table.Th>
          <Table.Th w={170}>Request id</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {found.events.map((event, index) => (
          <EventRow key={`${event.requestId ?? ''}-${index}`} event={event} />
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

/** The changes CloudTrail recorded for the run, and the same filter opened in Audit. */
export function RunEventsPanel({ runId }: { runId: string }) {
  const api = useApi();
  const events = useQuery({
    queryKey: ['workflows.events', runId],
    queryFn: () => api.workflows.events({ runId }),
  });
  if (events.isPending) return <Skeleton h={120} aria-label="Reading CloudTrail" />;
  if (events.isError) return <ErrorAlert error={toSerialized(events.error)} />;
  const found = events.data;
  return (
    <Stack gap="sm">
      <Text size="sm">
        Changes recorded from {formatDate(found.start)} to {formatDate(found.end)} that name what
        the run touched ({found.resources.length} ids).{' '}
        <Anchor
          className={classes.link}
          component={Link}
          to={auditLink(runId, found)}
          underline="always"
        >
          Open in Audit
        </Anchor>
      </Text>
      {found.gaps.map((gap) => (
        <Alert
          key={`${gap.profileId}-${gap.region}`}
          color="yellow"
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
          title={`CloudTrail of ${gap.profileId} in ${gap.region} could not be read`}
        >
          <Text size="sm">{gap.error.message}</Text>
        </Alert>
      ))}
      <EventsTable found={found} />
    </Stack>
  );
}
