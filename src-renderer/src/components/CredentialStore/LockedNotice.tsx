import { Group, Stack, Text } from '@mantine/core';
import { UnlockStoreButton } from './UnlockStoreButton';

/** A notification's body for a locked credential store: what happened, and its Unlock. */
export function LockedNotice({ text }: { text: string }) {
  return (
    <Stack gap="xs">
      <Text size="sm">{text}</Text>
      <Group>
        <UnlockStoreButton />
      </Group>
    </Stack>
  );
}
