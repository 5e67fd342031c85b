import { useState } from 'react';
import { keyLabel } from '../workflow/usable-keys';
import { useRegionKeys } from '../workflow/use-region-keys';
import { useWorkflowWizard } from '../workflow/use-workflow-wizard';
import {
  choiceProblems,
  initialChoices,
  toReencryptRequest,
  type ReencryptChoices,
  type ReencryptSource,
} from './reencrypt-form';
import { useReencryptSource } from './use-reencrypt-source';

/** The re-encrypt wizard: its one choice step (Key) on the shared guided-job state. */
export function useReencrypt(source: ReencryptSource) {
  const [choices, setChoicesState] = useState<ReencryptChoices>(initialChoices);
  const facts = useReencryptSource(source);
  const keys = useRegionKeys(source.profileId, source.region);
  const chosen = keys.rows.find((r) => r.arn === choices.kmsKeyId);
  const problems = choiceProblems(choices, facts.data?.keyArn ?? null);
  const wizard = useWorkflowWizard({
    choiceLabels: ['Key'],
    request: Object.keys(problems).length === 0 ? toReencryptRequest(source, choices) : undefined,
    problemsFor: () => problems,
  });
  return {
    wizard,
    facts,
    keys,
    /** The chosen key as the user knows it (its alias). */
    newKeyLabel: chosen ? keyLabel(chosen) : choices.kmsKeyId,
    choices,
    setChoices: (patch: Partial<ReencryptChoices>) => setChoicesState((c) => ({ ...c, ...patch })),
  };
}
