import { useState } from 'react';
import { useWorkflowWizard } from '../workflow/use-workflow-wizard';
import {
  amiKeys,
  choiceProblems,
  initialChoices,
  toShareAmiRequest,
  type AmiSource,
  type ShareAmiChoices,
  type ShareAmiFacts,
} from './share-ami-form';
import { useAmiRow } from './use-ami-row';

/** The share-AMI wizard: its two choice steps (Target, Then) on the shared guided-job state. */
export function useShareAmi(source: AmiSource) {
  const [choices, setChoicesState] = useState<ShareAmiChoices>(() => initialChoices(source));
  const { row } = useAmiRow(source);
  const facts: ShareAmiFacts = {
    onAwsManagedKey: row ? amiKeys(row).some((k) => k.awsManaged) : null,
  };
  const problemsFor = (step: number) => choiceProblems(source, choices, facts, step);
  const complete = [0, 1].every((step) => Object.keys(problemsFor(step)).length === 0);
  const wizard = useWorkflowWizard({
    choiceLabels: ['Target', 'Then'],
    request: complete ? toShareAmiRequest(source, choices, facts) : undefined,
    problemsFor,
  });
  return {
    wizard,
    choices,
    row,
    setChoices: (patch: Partial<ShareAmiChoices>) => setChoicesState((c) => ({ ...c, ...patch })),
  };
}
