import { Stack, Stepper } from '@mantine/core';
import type { ReactNode } from 'react';
import { PlanPreview } from './PlanPreview';
import { PreflightChecks } from './PreflightChecks';
import type { WorkflowWizard } from './use-workflow-wizard';
import { WorkflowWizardFooter } from './WorkflowWizardFooter';

export interface WorkflowStepperProps {
  readonly wizard: WorkflowWizard;
  /** The wizard's own choice steps, one element per label of `wizard.labels`. */
  readonly choices: readonly ReactNode[];
  /** The last step (usually a RunProgress). */
  readonly run: ReactNode;
  /** The start button's words ("Copy the snapshot"). */
  readonly startLabel: string;
  /** What the job is, for "Checking before <noun>" ("the copy"). */
  readonly noun: string;
}

/** A guided job's Stepper: its choice steps, then Preview, Preflight and Run, and the footer. */
export function WorkflowStepper({ wizard, choices, run, startLabel, noun }: WorkflowStepperProps) {
  const started = wizard.state.status !== 'idle';
  return (
    <Stack gap="md">
      <Stepper
        active={wizard.step}
        onStepClick={started ? undefined : wizard.goTo}
        size="sm"
        allowNextStepsSelect={false}
      >
        {choices.map((content, index) => (
          <Stepper.Step key={wizard.labels[index]} label={wizard.labels[index]}>
            {content}
          </Stepper.Step>
        ))}
        <Stepper.Step label={wizard.labels[wizard.previewStep]}>
          <PlanPreview plan={wizard.plan} runbook={wizard.runbook} noun={noun} />
        </Stepper.Step>
        <Stepper.Step label={wizard.labels[wizard.preflightStep]}>
          <PreflightChecks
            preflight={wizard.preflight}
            fixIds={wizard.fixIds}
            onToggleFix={wizard.toggleFix}
            noun={noun}
            plan={wizard.plan.data}
          />
        </Stepper.Step>
        <Stepper.Step label={wizard.labels[wizard.runStep]}>{run}</Stepper.Step>
      </Stepper>
      <WorkflowWizardFooter wizard={wizard} startLabel={startLabel} />
    </Stack>
  );
}
