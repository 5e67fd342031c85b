import { ActionIcon, Tooltip, useComputedColorScheme } from '@mantine/core';
import { IconMoon, IconSun } from '@tabler/icons-react';
import { useUpdateSettings } from '../../api/queries';
import { presentError } from '../../api/present-error';
import { themePreview } from '../../theme-preview';

/** Flips between light and dark and saves the choice; "follow the OS" is in Settings. */
export function ThemeToggle() {
  const computed = useComputedColorScheme('light');
  const update = useUpdateSettings();
  const next = computed === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip label={`Switch to ${next} theme`}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={`Switch to ${next} theme`}
        onClick={() => {
          // A saved choice ends any preview Settings is showing.
          themePreview.set(null);
          update.mutate({ theme: next }, { onError: (error) => presentError(error) });
        }}
      >
        {computed === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  );
}
