import { useState } from 'react';
import { useWorkflowWizard } from '../workflow/use-workflow-wizard';
import {
  choiceProblems,
  initialChoices,
  toShareAmiRequest,
  type AmiSource,
  type ShareAmiChoices,
} from './share-ami-form';

/** The share-AMI wizard: its two choice steps (Target, Then) on the shared guided-job state. */
export function useShareAmi(source: AmiSource) {
  const [choices, setChoicesState] = useState<ShareAmiChoices>(() => initialChoices(source));
  const complete = [0, 1].every(
    (step) => Object.keys(choiceProblems(source, choices, step)).length === 0,
  );
  const wizard = useWorkflowWizard({
    choiceLabels: ['Target', 'Then'],
    request: complete ? toShareAmiRequest(source, choices) : undefined,
    problemsFor: (step) => choiceProblems(source, choices, step),
  });
  return {
    wizard,
    choices,
    setChoices: (patch: Partial<ShareAmiChoices>) => setChoicesState((c) => ({ ...c, ...patch })),
  };
}
