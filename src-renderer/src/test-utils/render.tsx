import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render as rtlRender } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import type { KeywardBridge } from '../../../src-shared/contract/bridge';
import { ApiProvider } from '../api/api-context';
import { theme } from '../theme';

export function render(ui: ReactNode, bridge: KeywardBridge, route = '/') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return rtlRender(
    <ApiProvider bridge={bridge}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} env="test">
          <Notifications />
          <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
        </MantineProvider>
      </QueryClientProvider>
    </ApiProvider>,
  );
}
