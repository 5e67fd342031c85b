import { Button } from '@mantine/core';
import { useState } from 'react';
import type { KeyMetadata } from '../../../../src-shared/models/key-metadata';
import type { KeyRef } from '../../../../src-shared/schemas/key-ref';
import { useApi } from '../../api/api-context';
import { ActionGroup } from '../../components/ActionGroup/ActionGroup';
import {
  usePaletteActions,
  type PaletteAction,
} from '../../components/CommandPalette/use-palette-actions';
import { DisableKeyDialog } from './DisableKeyDialog';
import { ScheduleDeletionDialog } from './ScheduleDeletionDialog';
import { useKeyChange } from './use-key-detail';

type Dialog = 'disable' | 'delete' | null;

interface Props {
  readonly keyRef: KeyRef;
  readonly metadata: KeyMetadata;
  readonly aliases: readonly string[];
  onCancelled(message: string): void;
}

/** Enable / Disable / Schedule deletion / Cancel deletion, as the key's state allows. */
export function LifecycleActions({ keyRef, metadata, aliases, onCancelled }: Props) {
  const api = useApi();
  const [dialog, setDialog] = useState<Dialog>(null);
  const enable = useKeyChange(
    keyRef,
    () => api.keys.enable(keyRef),
    () => 'The key is enabled.',
  );
  const cancel = useKeyChange(
    keyRef,
    () => api.keys.cancelDeletion(keyRef),
    (result) => {
      onCancelled(result.message);
      return null;
    },
  );
  const state = metadata.keyState;
  const can = {
    enable: state === 'Disabled',
    disable: state === 'Enabled',
    schedule: ['Enabled', 'Disabled', 'PendingImport'].includes(state),
    cancel: state === 'PendingDeletion',
  };
  const palette: PaletteAction[] = [];
  if (can.enable)
    palette.push({ id: 'key.enable', label: 'Enable key', run: () => enable.mutate(undefined) });
  if (can.disable)
    palette.push({ id: 'key.disable', label: 'Disable key…', run: () => setDialog('disable') });
  if (can.schedule)
    palette.push({
      id: 'key.delete',
      label: 'Schedule key deletion…',
      run: () => setDialog('delete'),
    });
  if (can.cancel)
    palette.push({
      id: 'key.cancel-deletion',
      label: 'Cancel key deletion',
      run: () => cancel.mutate(undefined),
    });
  usePaletteActions(palette);

  return (
    <>
      <ActionGroup aria-label="Key lifecycle">
        {can.enable && (
          <Button onClick={() => enable.mutate(undefined)} loading={enable.isPending}>
            Enable
          </Button>
        )}
        {can.disable && (
          <Button variant="default" onClick={() => setDialog('disable')}>
            Disable…
          </Button>
        )}
        {can.cancel && (
          <Button onClick={() => cancel.mutate(undefined)} loading={cancel.isPending}>
            Cancel deletion
          </Button>
        )}
        {can.schedule && (
          <Button color="red.9" onClick={() => setDialog('delete')}>
            Schedule deletion…
          </Button>
        )}
      </ActionGroup>
      <DisableKeyDialog
        opened={dialog === 'disable'}
        keyRef={keyRef}
        onClose={() => setDialog(null)}
      />
      <ScheduleDeletionDialog
        opened={dialog === 'delete'}
        keyRef={keyRef}
        confirmWord={aliases[0] ?? metadata.keyId}
        onClose={() => setDialog(null)}
      />
    </>
  );
}
