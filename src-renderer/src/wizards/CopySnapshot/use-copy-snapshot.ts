import { useState } from 'react';
import { useWorkflowWizard } from '../workflow/use-workflow-wizard';
import {
  choiceProblems,
  initialChoices,
  toCopyRequest,
  type CopyChoices,
  type CopySource,
} from './copy-snapshot-form';

/** The copy wizard: its one choice step (Destination) on the shared guided-job state. */
export function useCopySnapshot(source: CopySource) {
  const [choices, setChoicesState] = useState<CopyChoices>(initialChoices);
  const problems = choiceProblems(source, choices);
  const wizard = useWorkflowWizard({
    choiceLabels: ['Destination'],
    request: Object.keys(problems).length === 0 ? toCopyRequest(source, choices) : undefined,
    problemsFor: () => problems,
  });
  return {
    wizard,
    choices,
    setChoices: (patch: Partial<CopyChoices>) => setChoicesState((c) => ({ ...c, ...patch })),
  };
}
