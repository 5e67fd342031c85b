import '@mantine/spotlight/styles.css';
import { useComputedColorScheme } from '@mantine/core';
import {
  Spotlight,
  type SpotlightActionData,
  type SpotlightActionGroupData,
} from '@mantine/spotlight';
import { IconInfoCircle, IconPalette, IconSearch, IconStethoscope } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useUpdateSettings } from '../../api/queries';
import { presentError } from '../../api/present-error';
import { navItems } from '../../navigation';
import { paletteStore } from './palette-store';

/** Every page and every action of the shell, by keyboard; LazyCommandPalette opens it. */
export function CommandPalette({ onAbout }: { onAbout: () => void }) {
  const navigate = useNavigate();
  const update = useUpdateSettings();
  const scheme = useComputedColorScheme('light');

  const pages: SpotlightActionData[] = navItems.map((item) => ({
    id: `go-${item.path}`,
    label: `Go to ${item.label}`,
    description: item.description,
    leftSection: <item.icon size={20} stroke={1.6} />,
    keywords: [item.label.toLowerCase()],
    onClick: () => void navigate(item.path),
  }));

  const actions: SpotlightActionData[] = [
    {
      id: 'toggle-theme',
      label: `Switch to ${scheme === 'dark' ? 'light' : 'dark'} theme`,
      description: 'Saved in Settings; choose “Follow the OS” there to undo',
      leftSection: <IconPalette size={20} stroke={1.6} />,
      keywords: ['theme', 'dark', 'light', 'appearance'],
      onClick: () =>
        update.mutate(
          { theme: scheme === 'dark' ? 'light' : 'dark' },
          { onError: (error) => presentError(error) },
        ),
    },
    {
      id: 'diagnostics',
      label: 'Run diagnostics',
      description: 'Check the data directory, the settings file and the OS keychain',
      leftSection: <IconStethoscope size={20} stroke={1.6} />,
      keywords: ['health', 'keychain', 'check'],
      onClick: () => void navigate('/settings#diagnostics'),
    },
    {
      id: 'about',
      label: 'About Keyward',
      description: 'Version, host and data directory',
      leftSection: <IconInfoCircle size={20} stroke={1.6} />,
      keywords: ['version', 'about'],
      onClick: onAbout,
    },
  ];

  const groups: SpotlightActionGroupData[] = [
    { group: 'Pages', actions: pages },
    { group: 'Actions', actions },
  ];

  return (
    <Spotlight
      store={paletteStore}
      actions={groups}
      shortcut={null}
      nothingFound="Nothing matches"
      highlightQuery
      searchProps={{
        leftSection: <IconSearch size={18} stroke={1.6} />,
        placeholder: 'Go to a page or run an action…',
        'aria-label': 'Search pages and actions',
      }}
    />
  );
}
