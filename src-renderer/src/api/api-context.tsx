import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { KeywardBridge } from '../../../src-shared/contract/bridge';
import { createClient, type Client } from './client';

interface ApiValue {
  readonly client: Client;
  readonly bridge: KeywardBridge;
}

const ApiContext = createContext<ApiValue | null>(null);

export function ApiProvider({ bridge, children }: { bridge: KeywardBridge; children: ReactNode }) {
  const value = useMemo(() => ({ bridge, client: createClient(bridge) }), [bridge]);
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

function useApiValue(): ApiValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi must be used inside <ApiProvider>');
  return value;
}

export const useApi = (): Client => useApiValue().client;
export const useBridge = (): KeywardBridge => useApiValue().bridge;
