import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src-shared/schemas/settings';
import { createMockBridge } from '../test-utils/mock-bridge';
import { ApiProvider } from './api-context';
import { useSettings, useUpdateSettings } from './queries';

describe('useUpdateSettings', () => {
  it('keeps the saved settings when a read that started before the save answers after it', async () => {
    const stale = { ...defaultSettings, welcomeSeen: false };
    let answerRead: () => void = () => undefined;
    let reads = 0;
    const { bridge } = createMockBridge({
      'settings.get': () => {
        reads += 1;
        if (reads === 1) return { ok: true, value: stale };
        // The second read is slow: the save answers first.
        return new Promise((resolve) => (answerRead = () => resolve({ ok: true, value: stale })));
      },
      'settings.set': (input) => ({ ok: true, value: { ...stale, ...(input as object) } }),
    });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ApiProvider bridge={bridge}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </ApiProvider>
    );
    const { result } = renderHook(() => ({ read: useSettings(), save: useUpdateSettings() }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.read.data?.welcomeSeen).toBe(false));

    act(() => void result.current.read.refetch());
    await waitFor(() => expect(reads).toBe(2));
    await act(() => result.current.save.mutateAsync({ welcomeSeen: true }));
    act(() => answerRead());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.read.data?.welcomeSeen).toBe(true);
  });
});
