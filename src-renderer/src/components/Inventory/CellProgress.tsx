import { Alert, Button, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { CellState } from '../../../../src-shared/models/kms-key';
import { StatusBadge, type StatusTone } from '../StatusBadge/StatusBadge';

const tone: Readonly<Record<CellState['status'], StatusTone>> = {
  pending: 'neutral',
  loading: 'neutral',
  done: 'ok',
  failed: 'danger',
};

/** What a cell counts: keys on the Keys page, snapshots or AMIs on theirs. */
export interface CellNoun {
  readonly one: string;
  readonly many: string;
}
const keysNoun: CellNoun = { one: 'key', many: 'keys' };

function cellText(cell: CellState, noun: CellNoun): string {
  if (cell.status === 'pending') return 'waiting';
  if (cell.status === 'loading')
    return cell.keysListed > 0 ? `${cell.keysLoaded} of ${cell.keysListed}` : 'loading';
  if (cell.status === 'failed') return 'failed';
  return `${cell.keysListed} ${cell.keysListed === 1 ? noun.one : noun.many}`;
}

/** One chip per (profile, region): waiting, loading (n of m), done (n keys) or failed. */
function CellChip({ cell, noun }: { cell: CellState; noun: CellNoun }) {
  const label = `${cell.profileName} · ${cell.region}: ${cellText(cell, noun)}`;
  const chip = (
    <StatusBadge
      tone={tone[cell.status]}
      tt="none"
      leftSection={cell.status === 'loading' ? <Loader size={10} color="white" /> : undefined}
      data-testid={`cell-${cell.profileName}-${cell.region}`}
      data-status={cell.status}
    >
      {label}
    </StatusBadge>
  );
  if (cell.status !== 'failed' || !cell.error) return chip;
  return (
    <Tooltip label={cell.error.message} multiline w={320}>
      {chip}
    </Tooltip>
  );
}

/**
 * Where the inventory stands in each (profile, region), and what failed with why and a Retry:
 * the rows of the others show meanwhile.
 */
export function CellProgress({
  cells,
  onRetry,
  retrying,
  noun = keysNoun,
}: {
  cells: readonly CellState[];
  onRetry: (cells: readonly CellState[]) => void;
  retrying: boolean;
  noun?: CellNoun;
}) {
  const failed = cells.filter((cell) => cell.status === 'failed');
  return (
    <>
      <Group gap={6} aria-label="Inventory progress per profile and region" role="group">
        {cells.map((cell) => (
          <CellChip key={`${cell.profileId}|${cell.region}`} cell={cell} noun={noun} />
        ))}
      </Group>
      {failed.length > 0 && (
        <Alert
          color="red"
          variant="light"
          p="sm"
          icon={<IconAlertTriangle size={18} />}
          role="alert"
          data-testid="failed-cells"
        >
          <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
            <Stack gap={2}>
              <Text size="sm" fw={700}>
                {failed.length} of {cells.length} could not be read; the others are shown
              </Text>
              {failed.map((cell) => (
                <Text key={`${cell.profileId}|${cell.region}`} size="xs">
                  <Text span inherit fw={600}>
                    {cell.profileName} · {cell.region}:
                  </Text>{' '}
                  {cell.error?.message ?? 'failed'}
                  {cell.error?.hint ? ` ${cell.error.hint}` : ''}
                </Text>
              ))}
            </Stack>
            <Button
              size="xs"
              variant="light"
              color="red"
              leftSection={<IconRefresh size={14} />}
              loading={retrying}
              onClick={() => onRetry(failed)}
            >
              Retry
            </Button>
          </Group>
        </Alert>
      )}
    </>
  );
}
