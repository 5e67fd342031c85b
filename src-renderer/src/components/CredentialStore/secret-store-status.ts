import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ProfileWithSecret,
  SecretStoreStatus,
} from '../../../../src-shared/models/secret-store';
import { useApi } from '../../api/api-context';

export const secretStoreKey = ['secrets.status'] as const;

/** One notification for a locked store at a time; unlocking takes it away. */
export const LOCKED_NOTIFICATION_ID = 'secret-store-locked';

/** Which credential store is in use and its state; refetched each minute (the idle lock). */
export function useSecretStoreStatus() {
  const api = useApi();
  return useQuery({
    queryKey: secretStoreKey,
    queryFn: () => api.secrets.status(),
    refetchInterval: 60_000,
  });
}

/** After the store changed (unlocked, switched): its new status, and every view asks again. */
export function useSecretStoreChanged() {
  const queryClient = useQueryClient();
  return async (status: SecretStoreStatus) => {
    queryClient.setQueryData(secretStoreKey, status);
    await queryClient.invalidateQueries();
  };
}

/** "alice, corp-sso" */
export const profileNames = (profiles: readonly ProfileWithSecret[]): string =>
  profiles.map((profile) => `“${profile.name}”`).join(', ');
