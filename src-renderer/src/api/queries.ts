import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Settings, SettingsPatch } from '../../../src-shared/schemas/settings';
import { useApi } from './api-context';

export const queryKeys = {
  appInfo: ['app.info'],
  settings: ['settings'],
  profiles: ['profiles'],
  regions: ['regions'],
  operations: ['operations'],
  network: ['network.status'],
} as const;

export function useAppInfo() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.appInfo,
    queryFn: () => api.app.info(),
    staleTime: Infinity,
  });
}

export function useSettings() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => api.settings.get() });
}

export function useUpdateSettings() {
  const api = useApi();
  const queryClient = useQueryClient();
  // A read of the settings still in flight must not land after the save and put the old values
  // back (a page that mounts refetches them; the welcome dialog would then open again).
  const cancelReads = () => queryClient.cancelQueries({ queryKey: queryKeys.settings });
  return useMutation({
    mutationFn: (patch: SettingsPatch) => api.settings.set(patch),
    onMutate: cancelReads,
    onSuccess: async (settings: Settings) => {
      await cancelReads();
      queryClient.setQueryData(queryKeys.settings, settings);
      void queryClient.invalidateQueries({ queryKey: queryKeys.regions });
      void queryClient.invalidateQueries({ queryKey: queryKeys.network });
    },
  });
}

/** The proxy, CA bundle and endpoint choices real-AWS requests use now. */
export function useNetworkStatus() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.network, queryFn: () => api.network.status() });
}

export function useProfiles() {
  const api = useApi();
  // refetched each minute so session time left stays current
  return useQuery({
    queryKey: queryKeys.profiles,
    queryFn: () => api.profiles.list(),
    refetchInterval: 60_000,
  });
}

export function useRegions() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.regions, queryFn: () => api.regions.list() });
}
