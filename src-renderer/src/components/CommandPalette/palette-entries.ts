import { useComputedColorScheme } from '@mantine/core';
import {
  IconInfoCircle,
  IconKey,
  IconPalette,
  IconRotateClockwise,
  IconStethoscope,
  IconUserCircle,
  IconWorld,
  type Icon,
} from '@tabler/icons-react';
import { useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';
import { presentError } from '../../api/present-error';
import { useUpdateSettings } from '../../api/queries';
import { profileKindLabel } from '../../format/profile-kind';
import { navItems } from '../../navigation';
import { rankMatches } from '../../search/rank-matches';
import { profileLabel, profileSearch, regionLabel, useSwitching } from '../Shell/use-switching';
import { pageActions } from './use-palette-actions';

export interface PaletteEntry {
  readonly id: string;
  readonly group: string;
  readonly label: string;
  readonly description?: string;
  readonly icon: Icon;
  readonly keywords?: readonly string[];
  /** A Mantine hotkey that does the same ("alt+1"), shown beside it. */
  readonly shortcut?: string;
  /** Listed only once something is typed (there are many). */
  readonly whenSearching?: boolean;
  readonly run: () => void;
}

/** Everything the palette offers, in the order it lists them while nothing is typed. */
export function usePaletteEntries(onAbout: () => void): readonly PaletteEntry[] {
  const navigate = useNavigate();
  const update = useUpdateSettings();
  const scheme = useComputedColorScheme('light');
  const switching = useSwitching();
  const onPage = useSyncExternalStore(pageActions.subscribe, pageActions.get);
  const otherScheme = scheme === 'dark' ? 'light' : 'dark';

  const shell: PaletteEntry[] = [
    {
      id: 'toggle-theme',
      group: 'Actions',
      label: `Switch to ${otherScheme} theme`,
      description: 'Saved in Settings; choose “Follow the OS” there to undo',
      icon: IconPalette,
      keywords: ['theme', 'dark', 'light', 'appearance'],
      run: () => update.mutate({ theme: otherScheme }, { onError: (error) => presentError(error) }),
    },
    {
      // The Settings page offers "Run diagnostics" under the same id while it is open.
      id: 'diagnostics',
      group: 'Actions',
      label: 'Open diagnostics',
      description: 'Settings → Diagnostics: the data directory, the network and the OS keychain',
      icon: IconStethoscope,
      keywords: ['health', 'keychain', 'check', 'run diagnostics'],
      run: () => void navigate('/settings#diagnostics'),
    },
    {
      id: 'keys.create',
      group: 'Actions',
      label: 'Create key',
      description: 'The create-key wizard: type, naming, access, policy',
      icon: IconKey,
      keywords: ['new key', 'kms', 'wizard', 'byok', 'import'],
      run: () => void navigate('/keys/new'),
    },
    {
      id: 'keys.rotation',
      group: 'Actions',
      label: 'Rotation compliance',
      description: 'Keys by rotation: on, off but could, by hand only; enable it in bulk',
      icon: IconRotateClockwise,
      keywords: ['rotate', 'rotation', 'compliance', 'kms'],
      run: () => void navigate('/keys?view=rotation'),
    },
    {
      id: 'about',
      group: 'Actions',
      label: 'About Keyward',
      description: 'Version, host and data directory',
      icon: IconInfoCircle,
      keywords: ['version', 'about'],
      run: onAbout,
    },
  ];

  return [
    ...onPage.map((action) => ({
      ...action,
      group: 'On this page',
      icon: action.icon ?? IconInfoCircle,
    })),
    ...navItems.map((item) => ({
      id: `go-${item.path}`,
      group: 'Pages',
      label: `Go to ${item.label}`,
      description: item.description,
      icon: item.icon,
      shortcut: item.shortcut,
      run: () => void navigate(item.path),
    })),
    ...switching.profiles.map((profile) => ({
      id: `profile-${profile.id}`,
      group: 'Switch profile',
      label: `Switch to profile ${profileLabel(profile)}`,
      description:
        profile.id === switching.activeProfileId
          ? 'The active profile'
          : profile.target === 'sandbox' && profile.kind !== 'sandbox'
            ? `${profileKindLabel[profile.kind]} · offline sandbox`
            : profileKindLabel[profile.kind],
      icon: IconUserCircle,
      keywords: [...(profileSearch(profile).also ?? []), 'profile', 'assume'],
      whenSearching: true,
      run: () => switching.switchProfile(profile.id),
    })),
    ...switching.regions.map((region) => ({
      id: `region-${region.code}`,
      group: 'Switch region',
      label: `Switch region to ${regionLabel(region)}`,
      ...(region.code === switching.activeRegion
        ? { description: 'The active region' }
        : region.isDefault
          ? { description: 'One of your default regions' }
          : {}),
      icon: IconWorld,
      keywords: ['region'],
      whenSearching: true,
      run: () => switching.switchRegion(region.code),
    })),
    ...shell.filter((entry) => !onPage.some((action) => action.id === entry.id)),
  ];
}

/**
 * What a query finds, grouped: best match first (the header pickers rank the same way), and
 * each group where its best entry falls. A blank query lists what is not `whenSearching`.
 */
export function findEntries(
  entries: readonly PaletteEntry[],
  query: string,
): { group: string; entries: PaletteEntry[] }[] {
  const found = query.trim()
    ? rankMatches(entries, query, (entry) => ({
        names: [entry.label],
        also: [entry.description ?? '', ...(entry.keywords ?? [])],
      }))
    : entries.filter((entry) => !entry.whenSearching);
  const groups = new Map<string, PaletteEntry[]>();
  for (const entry of found) {
    const group = groups.get(entry.group) ?? [];
    group.push(entry);
    groups.set(entry.group, group);
  }
  return [...groups].map(([group, grouped]) => ({ group, entries: grouped }));
}
