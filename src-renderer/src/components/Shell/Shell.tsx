import {
  ActionIcon,
  AppShell,
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
import { navItems } from '../../navigation';
import { AboutModal } from '../AboutModal/AboutModal';
import { LazyCommandPalette } from '../CommandPalette/LazyCommandPalette';
import { palette } from '../CommandPalette/palette-store';
import { ErrorBoundary } from '../ErrorBoundary/ErrorBoundary';
import { ProfileHealthBadge } from './ProfileHealthBadge';
import { ProfilePicker } from './ProfilePicker';
import { RegionPicker } from './RegionPicker';
import { ThemeToggle } from './ThemeToggle';
import { Welcome } from '../Welcome/Welcome';
import classes from './Shell.module.css';

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
          <Group gap="sm" wrap="nowrap">
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
                <Text fw={700} size="lg" visibleFrom="xs">
                  Keyward
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <ProfilePicker />
            <ProfileHealthBadge />
            <RegionPicker />
            <Tooltip label="Command palette">
              <UnstyledButton
                className={classes.search}
                onClick={palette.open}
                aria-label="Open command palette"
              >
                <Group gap={6} wrap="nowrap">
                  <IconSearch size={15} aria-hidden />
                  <Text size="sm" c="dimmed" visibleFrom="lg">
                    Search
                  </Text>
                  <Kbd size="xs">Ctrl K</Kbd>
                </Group>
              </UnstyledButton>
            </Tooltip>
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
              active={location.pathname.startsWith(item.path)}
              onClick={nav.close}
              className={classes.navLink}
              aria-current={location.pathname.startsWith(item.path) ? 'page' : undefined}
            />
          ))}
        </nav>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname}>{children}</ErrorBoundary>
      </AppShell.Main>
      <LazyCommandPalette onAbout={about.open} />
      <AboutModal opened={aboutOpened} onClose={about.close} />
      <Welcome />
    </AppShell>
  );
}
