import { Button } from '@mantine/core';
import type { KeyRow } from '../../../../src-shared/models/kms-key';
import { ActionGroup } from '../../components/ActionGroup/ActionGroup';
import { keyName } from './key-labels';

/** A row's actions. Only "Open" for now: the detail page holds the rest (and AWS's limits). */
export function KeyRowActions({ row, onOpen }: { row: KeyRow; onOpen: (row: KeyRow) => void }) {
  return (
    <ActionGroup nowrap gap={4} aria-label={`Actions for ${keyName(row)}`}>
      <Button
        variant="subtle"
        size="compact-sm"
        aria-label={`Open ${keyName(row)}`}
        onClick={() => onOpen(row)}
      >
        Open
      </Button>
    </ActionGroup>
  );
}
