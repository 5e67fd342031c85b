import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import type { KeywardBridge } from '../../src-shared/contract/bridge';
import { ApiProvider } from './api/api-context';
import { useSettings } from './api/queries';
import { toastPlacement } from './components/notify/notify';
import { Shell } from './components/Shell/Shell';
import { AppRoutes } from './Router';
import { cssVariablesResolver } from './css-variables';
import { theme } from './theme';
import { useThemePreview } from './theme-preview';

/**
 * Follows the OS until the user picks light or dark in Settings; a theme being chosen there shows
 * at once, before it is saved (theme-preview.ts).
 */
function ThemedApp({ children }: { children: ReactNode }) {
  const { data: settings } = useSettings();
  const preview = useThemePreview();
  const chosen = preview ?? settings?.theme;
  const forced = chosen && chosen !== 'system' ? chosen : undefined;
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
      {...(forced ? { forceColorScheme: forced } : {})}
    >
      <Notifications {...toastPlacement} />
      {children}
    </MantineProvider>
  );
}

/**
 * A data router (not <HashRouter>): it is what lets a form with unsaved changes hold a navigation
 * (useBlocker). One route holds the shell; AppRoutes inside it picks the page.
 */
const createRouter = () =>
  createHashRouter([
    {
      path: '*',
      element: (
        <Shell>
          <AppRoutes />
        </Shell>
      ),
    },
  ]);

export function App({ bridge }: { bridge: KeywardBridge }) {
  const [router] = useState(createRouter);
  const [queryClient] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } }),
  );
  return (
    <ApiProvider bridge={bridge}>
      <QueryClientProvider client={queryClient}>
        <ThemedApp>
          <RouterProvider router={router} />
        </ThemedApp>
      </QueryClientProvider>
    </ApiProvider>
  );
}
