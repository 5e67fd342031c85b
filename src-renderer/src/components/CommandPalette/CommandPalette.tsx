import '@mantine/spotlight/styles.css';
import { Group, Kbd, Text } from '@mantine/core';
import { Spotlight, useSpotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { ariaKeyShortcut, shortcutLabel } from '../../format/shortcut';
import { findEntries, usePaletteEntries } from './palette-entries';
import { PALETTE_SHORTCUT, paletteStore } from './palette-store';

/**
 * Every page, the active profile and region, and what the shell and the page on screen can do,
 * by keyboard; LazyCommandPalette opens it.
 */
export function CommandPalette({ onAbout }: { onAbout: () => void }) {
  const { query } = useSpotlight(paletteStore);
  const groups = findEntries(usePaletteEntries(onAbout), query);
  return (
    <Spotlight.Root store={paletteStore} shortcut={null} scrollable maxHeight={440}>
      <Spotlight.Search
        leftSection={<IconSearch size={18} stroke={1.6} />}
        placeholder="Go to a page, switch profile or region, run an action…"
        aria-label="Search pages and actions"
      />
      {groups.length > 0 ? (
        <Spotlight.ActionsList>
          {groups.map(({ group, entries }) => (
            <Spotlight.ActionsGroup key={group} label={group}>
              {entries.map((entry) => (
                <Spotlight.Action
                  key={entry.id}
                  label={entry.label}
                  {...(entry.description ? { description: entry.description } : {})}
                  leftSection={<entry.icon size={20} stroke={1.6} />}
                  {...(entry.shortcut
                    ? {
                        rightSection: <Kbd aria-hidden>{shortcutLabel(entry.shortcut)}</Kbd>,
                        'aria-keyshortcuts': ariaKeyShortcut(entry.shortcut),
                      }
                    : {})}
                  highlightQuery
                  onClick={entry.run}
                />
              ))}
            </Spotlight.ActionsGroup>
          ))}
        </Spotlight.ActionsList>
      ) : (
        <Spotlight.Empty>Nothing matches</Spotlight.Empty>
      )}
      <Spotlight.Footer>
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> move · <Kbd size="xs">Enter</Kbd> run ·{' '}
            <Kbd size="xs">Esc</Kbd> close
          </Text>
          <Text size="xs" c="dimmed">
            <Kbd size="xs">{shortcutLabel(PALETTE_SHORTCUT)}</Kbd> opens this from anywhere
          </Text>
        </Group>
      </Spotlight.Footer>
    </Spotlight.Root>
  );
}
