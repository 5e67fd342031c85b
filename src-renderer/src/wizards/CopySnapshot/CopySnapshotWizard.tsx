import { Button, Stack, Stepper } from '@mantine/core';
import { ActionGroup } from '../../components/ActionGroup/ActionGroup';
import type { CopySource } from './copy-snapshot-form';
import { DestinationStep } from './steps/DestinationStep';
import { PreflightStep } from './steps/PreflightStep';
import { PreviewStep } from './steps/PreviewStep';
import { RunStep } from './steps/RunStep';
import { STEP_LABELS, useCopySnapshot } from './use-copy-snapshot';

/** Copy a snapshot to another Region under a key of that Region: choose, preview, check, run. */
export function CopySnapshotWizard({ source }: { source: CopySource }) {
  const wizard = useCopySnapshot(source);
  const started = wizard.state.status !== 'idle';
  return (
    <Stack gap="md">
      <Stepper
        active={wizard.step}
        onStepClick={started ? undefined : wizard.goTo}
        size="sm"
        allowNextStepsSelect={false}
      >
        <Stepper.Step label={STEP_LABELS[0]}>
          <DestinationStep
            source={source}
            choices={wizard.choices}
            onChange={wizard.setChoices}
            problems={wizard.problems}
          />
        </Stepper.Step>
        <Stepper.Step label={STEP_LABELS[1]}>
          <PreviewStep plan={wizard.plan} runbook={wizard.runbook} />
        </Stepper.Step>
        <Stepper.Step label={STEP_LABELS[2]}>
          <PreflightStep
            preflight={wizard.preflight}
            fixIds={wizard.fixIds}
            onToggleFix={wizard.toggleFix}
          />
        </Stepper.Step>
        <Stepper.Step label={STEP_LABELS[3]}>
          <RunStep
            plan={wizard.plan.data}
            destinationRegion={wizard.choices.destinationRegion}
            state={wizard.state}
            onRetry={wizard.resume}
          />
        </Stepper.Step>
      </Stepper>
      {!started && (
        <ActionGroup justify="space-between">
          <Button variant="default" onClick={wizard.back} disabled={wizard.step === 0}>
            Back
          </Button>
          {wizard.step < 2 && (
            <Button onClick={wizard.next} disabled={wizard.step === 1 && !wizard.plan.isSuccess}>
              Next: {STEP_LABELS[wizard.step + 1]}
            </Button>
          )}
          {wizard.step === 2 && (
            <Button onClick={wizard.start} disabled={!wizard.canRun}>
              Copy the snapshot
            </Button>
          )}
        </ActionGroup>
      )}
    </Stack>
  );
}
