import {
  ActionIcon,
  AppShell,
  Box,
  Burger,
  Group,
  Image,
  Kbd,
  NavLink,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconInfoCircle, IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { NavLink as RouterLink, useLocation, useNavigate } from 'react-router';
import { ariaKeyShortcut, shortcutLabel } from '../../format/shortcut';
import { navItems } from '../../navigation';
import { AboutModal } from '../AboutModal/AboutModal';
import { LazyCommandPalette } from '../CommandPalette/LazyCommandPalette';
import { PALETTE_SHORTCUT, palette } from '../CommandPalette/palette-store';
import { ErrorBoundary } from '../ErrorBoundary/ErrorBoundary';
import { UnsavedChangesPrompt } from '../UnsavedChanges/UnsavedChangesPrompt';
import { Welcome } from '../Welcome/Welcome';
import { InterruptedRunNotice } from './InterruptedRunNotice';
import { ProfileHealthBadge } from './ProfileHealthBadge';
import { ProfilePicker } from './ProfilePicker';
import { RegionPicker } from './RegionPicker';
import classes from './Shell.module.css';
import { ThemeToggle } from './ThemeToggle';

export function Shell({ children }: { children: ReactNode }) {
  const [navOpened, nav] = useDisclosure(false);
  const [aboutOpened, about] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  useHotkeys(navItems.map((item) => [item.shortcut, () => void navigate(item.path)]));

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <a href="#main-content" className={classes.skipLink}>
        Skip to content
      </a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" flex="none">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <UnstyledButton
              onClick={about.open}
              aria-label="About Keyward"
              className={classes.brand}
            >
              <Group gap={8} wrap="nowrap">
                <Image src="./icon.svg" w={30} h={30} alt="" />
                <Text fw={700} size="lg" visibleFrom="md">
                  Keyward
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="sm" wrap="nowrap" miw={0} justify="flex-end">
            <ProfilePicker />
            <ProfileHealthBadge />
            {/* A phone keeps the room for the profile; the palette switches regions there. */}
            <Box visibleFrom="xs" flex="none">
              <RegionPicker />
            </Box>
            <Tooltip label="Command palette">
              <UnstyledButton
                className={classes.search}
                onClick={palette.open}
                aria-label="Open command palette"
                aria-keyshortcuts={ariaKeyShortcut(PALETTE_SHORTCUT)}
              >
                <Group gap={6} wrap="nowrap">
                  <IconSearch size={15} aria-hidden />
                  <Text size="sm" c="dimmed" visibleFrom="lg">
                    Search
                  </Text>
                  <Kbd size="xs" aria-hidden visibleFrom="md">
                    {shortcutLabel(PALETTE_SHORTCUT)}
                  </Kbd>
                </Group>
              </UnstyledButton>
            </Tooltip>
            {/* On a phone the palette has both (and the logo opens About). */}
            <Group gap="sm" wrap="nowrap" visibleFrom="sm">
              <ThemeToggle />
              <Tooltip label="About Keyward">
                <ActionIcon
                  variant="default"
                  size="lg"
                  onClick={about.open}
                  aria-label="About Keyward"
                >
                  <IconInfoCircle size={18} />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <nav>
          {navItems.map((item) => (
            <NavLink
              key={item.path}
              component={RouterLink}
              to={item.path}
              label={item.label}
              leftSection={<item.icon size={19} stroke={1.7} aria-hidden />}
              rightSection={
                <Kbd size="xs" aria-hidden visibleFrom="sm">
                  {shortcutLabel(item.shortcut)}
                </Kbd>
              }
              aria-keyshortcuts={ariaKeyShortcut(item.shortcut)}
              active={location.pathname.startsWith(item.path)}
              onClick={nav.close}
              className={classes.navLink}
              aria-current={location.pathname.startsWith(item.path) ? 'page' : undefined}
            />
          ))}
        </nav>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        <InterruptedRunNotice />
        <ErrorBoundary resetKey={location.pathname}>{children}</ErrorBoundary>
      </AppShell.Main>
      <LazyCommandPalette onAbout={about.open} />
      <AboutModal opened={aboutOpened} onClose={about.close} />
      <Welcome />
      <UnsavedChangesPrompt />
    </AppShell>
  );
}
