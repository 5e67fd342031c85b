import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { KeyRef } from '../../../../src-shared/schemas/key-ref';
import { useApi } from '../../api/api-context';
import { presentError } from '../../api/present-error';
import { useSettings } from '../../api/queries';
import { notifySuccess } from '../../components/notify/notify';

export const detailQueryKey = (ref: KeyRef) =>
  ['keys.detail', ref.profileId, ref.region, ref.keyId] as const;

export const usageQueryKey = (ref: KeyRef) =>
  ['keys.usage', ref.profileId, ref.region, ref.keyId] as const;

export function useKeyDetail(ref: KeyRef) {
  const api = useApi();
  return useQuery({ queryKey: detailQueryKey(ref), queryFn: () => api.keys.detail(ref) });
}

/**
 * Where to look for resources on the key: the key's own profile and, when another profile is
 * active, that one too (a shared key is used from other accounts) × Settings' regions and the
 * key's own region.
 */
export function useUsageScope(ref: KeyRef) {
  const settings = useSettings().data;
  const profiles = new Set([ref.profileId]);
  if (settings?.activeProfileId) profiles.add(settings.activeProfileId);
  const regions = new Set([ref.region, ...(settings?.defaultRegions ?? [])]);
  return [...profiles].flatMap((profileId) =>
    [...regions].map((region) => ({ profileId, region })),
  );
}

/** The volumes, snapshots and AMIs in the scope that use the key; read only when `enabled`. */
export function useKeyUsage(ref: KeyRef, enabled: boolean) {
  const api = useApi();
  const scope = useUsageScope(ref);
  return useQuery({
    queryKey: [...usageQueryKey(ref), scope] as const,
    queryFn: () => api.keys.usage({ ...ref, scope }),
    enabled,
  });
}

/**
 * A change to the key: on success the detail is read again and `success` (if it returns words)
 * is toasted; a failure goes to presentError, which says what to do next.
 */
export function useKeyChange<I, O>(
  ref: KeyRef,
  mutationFn: (input: I) => Promise<O>,
  success?: (output: O, input: I) => string | null,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (output, input) => {
      await queryClient.invalidateQueries({ queryKey: detailQueryKey(ref) });
      const message = success?.(output, input);
      if (message) notifySuccess({ title: 'Done', message });
    },
    onError: (error) => presentError(error),
  });
}
