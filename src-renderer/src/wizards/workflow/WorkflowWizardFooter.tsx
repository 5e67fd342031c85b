import { Button } from '@mantine/core';
import { ActionGroup } from '../../components/ActionGroup/ActionGroup';
import type { WorkflowWizard } from './use-workflow-wizard';

/** Back / Next: <step> / the start button (`startLabel`) of a guided job, hidden once it runs. */
export function WorkflowWizardFooter({
  wizard,
  startLabel,
}: {
  wizard: WorkflowWizard;
  startLabel: string;
}) {
  if (wizard.state.status !== 'idle') return null;
  return (
    <ActionGroup justify="space-between">
      <Button variant="default" onClick={wizard.back} disabled={wizard.step === 0}>
        Back
      </Button>
      {wizard.step < wizard.preflightStep && (
        <Button onClick={wizard.next} disabled={!wizard.canGoOn}>
          Next: {wizard.labels[wizard.step + 1]}
        </Button>
      )}
      {wizard.step === wizard.preflightStep && (
        <Button onClick={wizard.start} disabled={!wizard.canRun}>
          {startLabel}
        </Button>
      )}
    </ActionGroup>
  );
}
