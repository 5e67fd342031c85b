import { Button, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { ModalFooter, ModalFrame } from '../ModalFrame/ModalFrame';
import { unsavedChanges } from './unsaved-changes.store';
import { useHasUnsavedChanges } from './use-unsaved-changes-guard';

/**
 * Asks before unsaved changes are lost: "Discard unsaved changes?" when the user leaves the page
 * inside Keyward, and the browser's own question when the window is closed or reloaded. Rendered
 * once, in the shell (a router supports one blocker at a time); forms register with
 * useUnsavedChangesGuard.
 */
export function UnsavedChangesPrompt() {
  const dirty = useHasUnsavedChanges();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!dirty) return;
    // Electron shows no dialog of its own: the main process asks (will-prevent-unload).
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const blocked = blocker.state === 'blocked';
  return (
    <ModalFrame
      opened={blocked}
      onClose={() => blocker.reset?.()}
      title="Discard unsaved changes?"
      size="md"
    >
      <Stack>
        <Text size="sm">
          Changes on this page are not saved yet. Leave and discard them, or keep editing and save
          them.
        </Text>
        <ModalFooter>
          <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
            Keep editing
          </Button>
          <Button
            color="red"
            onClick={() => {
              unsavedChanges.clear();
              blocker.proceed?.();
            }}
          >
            Discard changes
          </Button>
        </ModalFooter>
      </Stack>
    </ModalFrame>
  );
}
