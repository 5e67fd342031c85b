import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';

/** The first line of a guided job's done view: a green check and what is done. */
export function DoneHeading({ children }: { children: string }) {
  return (
    <Group gap="xs">
      <ThemeIcon color="green" variant="light" radius="xl" aria-hidden>
        <IconCircleCheck size={18} />
      </ThemeIcon>
      <Text fw={600}>{children}</Text>
    </Group>
  );
}
