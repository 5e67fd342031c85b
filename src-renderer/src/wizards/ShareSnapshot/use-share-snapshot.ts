import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { useProfiles } from '../../api/queries';
import { useWorkflowWizard } from '../workflow/use-workflow-wizard';
import {
  initialShareChoices,
  shareProblems,
  toShareRequest,
  type ShareChoices,
  type ShareFacts,
  type ShareSource,
} from './share-snapshot-form';

/** The snapshot's row as the Snapshots page last read it (its key: customer managed or aws/ebs). */
function useSourceRow(source: ShareSource) {
  const api = useApi();
  return useQuery({
    queryKey: ['snapshots.list', source.profileId, source.region],
    queryFn: () =>
      api.snapshots.list({ scope: [{ profileId: source.profileId, region: source.region }] }),
    select: (answer) => answer.rows.find((r) => r.snapshotId === source.snapshotId),
  });
}

/** The share wizard: its choice steps (Target, Options) on the shared guided-job state. */
export function useShareSnapshot(source: ShareSource) {
  const [choices, setChoicesState] = useState<ShareChoices>(() => initialShareChoices(source));
  const profiles = useProfiles().data ?? [];
  const sourceRow = useSourceRow(source);
  const key = sourceRow.data?.encryption.key;
  const facts: ShareFacts = {
    profiles,
    ownerAccount: profiles.find((p) => p.id === source.profileId)?.accountId ?? null,
    onAwsManagedKey: key?.manager ? key.manager === 'aws' : null,
  };
  const complete = [0, 1].every((s) => Object.keys(shareProblems(s, choices, facts)).length === 0);
  const request = complete ? toShareRequest(source, choices, facts) : undefined;
  const wizard = useWorkflowWizard({
    choiceLabels: ['Target', 'Options'],
    request,
    problemsFor: (step) => shareProblems(step, choices, facts),
  });
  return {
    wizard,
    request,
    choices,
    facts,
    setChoices: (patch: Partial<ShareChoices>) => setChoicesState((c) => ({ ...c, ...patch })),
  };
}
