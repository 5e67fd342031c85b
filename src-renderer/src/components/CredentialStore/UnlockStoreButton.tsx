import { Button, type ButtonProps } from '@mantine/core';
import { IconLockOpen } from '@tabler/icons-react';
import { useState } from 'react';
import { UnlockStoreDialog } from './UnlockStoreDialog';

/** "Unlock": opens the passphrase dialog; `onUnlocked` runs once the store is open. */
export function UnlockStoreButton({
  onUnlocked,
  label = 'Unlock',
  ...button
}: { onUnlocked?: () => void; label?: string } & ButtonProps) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        size="xs"
        leftSection={<IconLockOpen size={14} />}
        onClick={() => setOpened(true)}
        {...button}
      >
        {label}
      </Button>
      <UnlockStoreDialog
        opened={opened}
        onClose={() => setOpened(false)}
        {...(onUnlocked ? { onUnlocked } : {})}
      />
    </>
  );
}
