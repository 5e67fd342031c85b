import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render as rtlRender } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { KeywardBridge } from '../../../src-shared/contract/bridge';
import { ApiProvider } from '../api/api-context';
import { theme } from '../theme';

/**
 * Renders `ui` as the app does: API, queries, Mantine, toasts and a data router (so useBlocker
 * works) at `route`. The returned `router` lets a test navigate as a link would.
 */
export function render(ui: ReactNode, bridge: KeywardBridge, route = '/') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [route] });
  const result = rtlRender(
    <ApiProvider bridge={bridge}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} env="test">
          <Notifications />
          <RouterProvider router={router} />
        </MantineProvider>
      </QueryClientProvider>
    </ApiProvider>,
  );
  return { ...result, router };
}
