import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { HashRouter } from 'react-router';
import type { KeywardBridge } from '../../src-shared/contract/bridge';
import { ApiProvider } from './api/api-context';
import { useSettings } from './api/queries';
import { Shell } from './components/Shell/Shell';
import { AppRoutes } from './Router';
import { cssVariablesResolver } from './css-variables';
import { theme } from './theme';

/** Follows the OS until the user picks light or dark in Settings. */
function ThemedApp({ children }: { children: ReactNode }) {
  const { data: settings } = useSettings();
  const forced = settings && settings.theme !== 'system' ? settings.theme : undefined;
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
      {...(forced ? { forceColorScheme: forced } : {})}
    >
      <Notifications position="bottom-right" limit={4} />
      {children}
    </MantineProvider>
  );
}

export function App({ bridge }: { bridge: KeywardBridge }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } }),
  );
  return (
    <ApiProvider bridge={bridge}>
      <QueryClientProvider client={queryClient}>
        <ThemedApp>
          <HashRouter>
            <Shell>
              <AppRoutes />
            </Shell>
          </HashRouter>
        </ThemedApp>
      </QueryClientProvider>
    </ApiProvider>
  );
}
