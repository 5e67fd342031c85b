import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ScopeCell } from '../../../../src-shared/models/kms-key';
import { useApi } from '../../api/api-context';
import { presentError } from '../../api/present-error';

/** The Keys page's query key: the three inventories share one remembered scope. */
export const inventoryScopeQueryKey = ['keys.scope'] as const;

/** The remembered inventory scope (`keys.getScope`) and a way to change it. */
export function useInventoryScope() {
  const api = useApi();
  const queryClient = useQueryClient();
  const scope = useQuery({
    queryKey: inventoryScopeQueryKey,
    queryFn: () => api.keys.getScope(),
  });
  const setScope = useMutation({
    mutationFn: (cells: readonly ScopeCell[] | null) =>
      api.keys.setScope({ cells: cells ? [...cells] : null }),
    onSuccess: (next) => queryClient.setQueryData(inventoryScopeQueryKey, next),
    onError: (error) => presentError(error),
  });
  return { scope, setScope };
}
