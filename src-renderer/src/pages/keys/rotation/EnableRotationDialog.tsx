import { Button, Code, NumberInput, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { BulkRotationOutcome } from '../../../../../src-shared/models/bulk-rotation';
import { rowId } from '../../../../../src-shared/models/inventory-view';
import type { KeyRef, KeyRow } from '../../../../../src-shared/models/kms-key';
import { useOperation } from '../../../api/use-operation';
import { ErrorAlert } from '../../../components/ErrorAlert/ErrorAlert';
import { ModalFooter, ModalFrame } from '../../../components/ModalFrame/ModalFrame';
import {
  enableCallOf,
  outcomeCounts,
  previewLines,
  refOf,
  validPeriod,
} from './enable-rotation-preview';
import { PreviewTable } from './PreviewTable';

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function Calls({ rows, periodDays }: { rows: readonly KeyRow[]; periodDays: number }) {
  return (
    <Code
      block
      fz="xs"
      data-testid="aws-calls"
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
    >
      {rows
        .map((row) => `# as ${row.profileName} in ${row.region}\n${enableCallOf(row, periodDays)}`)
        .join('\n')}
    </Code>
  );
}

/**
 * "Enable rotation…" on selected keys: a preview of what happens to each (enable with the
 * period, or skip and why), the exact calls on request, then one run in main with each key's
 * outcome as it lands; failures can be retried alone.
 */
export function EnableRotationDialog(props: {
  opened: boolean;
  rows: readonly KeyRow[];
  onClose: () => void;
  /** Keys the run may have changed: their inventory rows are read again. */
  onChanged: (keys: readonly KeyRef[]) => void;
}) {
  const { rows, onChanged } = props;
  const [period, setPeriod] = useState<number>(365);
  const [showCalls, setShowCalls] = useState(false);
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, BulkRotationOutcome>>(new Map());
  const run = useOperation('keys.enableRotationBulk', {
    onPartial: ({ outcome }) => setOutcomes((old) => new Map(old).set(rowId(outcome), outcome)),
  });
  const lines = useMemo(() => previewLines(rows, outcomes), [rows, outcomes]);
  const toEnable = lines.filter((line) => line.plan.action === 'enable').map((line) => line.row);
  const failed = lines.filter((line) => line.outcome?.outcome === 'failed').map((line) => line.row);
  const running = run.state.status === 'running';
  // Outcomes, not the operation's state, say whether this selection ran: a new one starts afresh.
  const ran = outcomes.size > 0;
  const counts = outcomeCounts(outcomes.values());

  // A new selection is a new preview (state reset while rendering, as React advises).
  const [previewed, setPreviewed] = useState(rows);
  if (previewed !== rows) {
    setPreviewed(rows);
    setOutcomes(new Map());
  }

  const finished = run.state.status === 'done' ? run.state.result : null;
  const handled = useRef<unknown>(null);
  useEffect(() => {
    if (!finished || handled.current === finished) return;
    handled.current = finished;
    onChanged(finished.outcomes.filter((o) => o.outcome !== 'skipped').map(refOf));
  }, [finished, onChanged]);

  const start = (targets: readonly KeyRow[]) => {
    setOutcomes((old) => {
      const next = new Map(old);
      for (const row of targets) next.delete(rowId(row));
      return next;
    });
    void run.start({ keys: targets.map(refOf), periodDays: period });
  };
  const progress = run.state.status === 'running' ? run.state : null;

  return (
    <ModalFrame
      opened={props.opened}
      onClose={props.onClose}
      title="Enable automatic rotation"
      size="xl"
      closeOnClickOutside={!running}
    >
      <Stack gap="sm">
        <Text size="sm">
          AWS makes new key material every period and keeps the old material, so what was encrypted
          before still decrypts. {plural(toEnable.length, 'key')} will rotate;{' '}
          {plural(rows.length - toEnable.length, 'key')}{' '}
          {rows.length - toEnable.length === 1 ? 'is' : 'are'} skipped, with the reason.
        </Text>
        <NumberInput
          label="Rotation period (days), for every key"
          description="90 to 2560 days (AWS’s default is 365)."
          min={90}
          max={2560}
          allowDecimal={false}
          value={period}
          disabled={running || ran}
          onChange={(value) => setPeriod(typeof value === 'number' ? value : Number(value))}
          error={validPeriod(period) ? undefined : 'Between 90 and 2560 days'}
          w={300}
        />
        {progress && (
          <Stack gap={4}>
            <Text size="sm">{progress.title ?? 'Starting…'}</Text>
            <Progress value={(progress.value ?? 0) * 100} aria-label="Progress of the run" />
          </Stack>
        )}
        {ran && !running && (
          <Text size="sm" fw={600} role="status" data-testid="bulk-result">
            {counts.enabled} enabled · {counts.skipped + rows.length - toEnable.length} skipped ·{' '}
            {counts.failed} failed
          </Text>
        )}
        {run.state.status === 'failed' && <ErrorAlert error={run.state.error} />}
        <PreviewTable lines={lines} periodDays={period} />
        {toEnable.length > 0 && (
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setShowCalls((shown) => !shown)}
            aria-expanded={showCalls}
            style={{ alignSelf: 'flex-start' }}
          >
            {showCalls ? 'Hide the AWS calls' : 'Show the AWS calls'}
          </Button>
        )}
        {showCalls && <Calls rows={toEnable} periodDays={period} />}
        <ModalFooter>
          {failed.length > 0 && !running && (
            <Button variant="default" onClick={() => start(failed)}>
              Retry failed ({failed.length})
            </Button>
          )}
          {running ? (
            <Button variant="default" onClick={() => void run.cancel()}>
              Stop
            </Button>
          ) : (
            <Button variant={ran ? 'filled' : 'default'} onClick={props.onClose}>
              {ran ? 'Close' : 'Cancel'}
            </Button>
          )}
          {!ran && !running && (
            <Button
              onClick={() => start(toEnable)}
              disabled={toEnable.length === 0 || !validPeriod(period)}
            >
              {toEnable.length === 0
                ? 'Nothing to enable'
                : `Enable rotation on ${plural(toEnable.length, 'key')}`}
            </Button>
          )}
        </ModalFooter>
      </Stack>
    </ModalFrame>
  );
}
