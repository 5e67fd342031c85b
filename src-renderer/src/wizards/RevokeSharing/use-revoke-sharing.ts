import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { useInventoryScope } from '../../components/Inventory/use-inventory-scope';
import { useWorkflowWizard } from '../workflow/use-workflow-wizard';
import { accountProblems, foundProblems, toRevokeRequest } from './revoke-sharing-form';

/** The revoke wizard: Account and Found, then the shared Preview, Preflight and Run. */
export function useRevokeSharing() {
  const api = useApi();
  const { scope, setScope } = useInventoryScope();
  const cells = scope.data?.cells ?? [];
  const [accountId, setAccountId] = useState('');
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const account = accountProblems(accountId, cells);
  const find = useQuery({
    queryKey: ['sharing.find', accountId, cells],
    queryFn: () => api.sharing.find({ accountId, scope: [...cells] }),
    enabled: Object.keys(account).length === 0,
    staleTime: 0,
  });
  const found = find.isError
    ? { found: 'The search failed: see why above.' }
    : foundProblems(accountId, find.data, unticked);
  const wizard = useWorkflowWizard({
    choiceLabels: ['Account', 'Found'],
    request:
      Object.keys(account).length === 0 && Object.keys(found).length === 0 && find.data
        ? toRevokeRequest(accountId, cells, find.data, unticked)
        : undefined,
    problemsFor: (step) => (step === 0 ? account : found),
  });
  return {
    wizard,
    accountId,
    setAccountId,
    scope,
    setScope,
    cells,
    find,
    unticked,
    toggle: (id: string) =>
      setUnticked((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
  };
}

export type RevokeSharing = ReturnType<typeof useRevokeSharing>;
