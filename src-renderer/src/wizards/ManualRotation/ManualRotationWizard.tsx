import { Alert, Button, Stack, Stepper } from '@mantine/core';
import type { KeyDetail } from '../../../../src-shared/models/key-detail';
import type { KeyRef } from '../../../../src-shared/schemas/key-ref';
import { ActionGroup } from '../../components/ActionGroup/ActionGroup';
import { aliasNames, isAwsManaged } from '../../pages/key-detail/key-facts';
import { plannedCalls } from './rotation-plan';
import { KeyTodayStep } from './steps/KeyTodayStep';
import { OptionsStep } from './steps/OptionsStep';
import { PreviewStep } from './steps/PreviewStep';
import { RunStep } from './steps/RunStep';
import { STEP_LABELS, useManualRotation } from './use-manual-rotation';

export interface ManualRotationWizardProps {
  readonly keyRef: KeyRef;
  readonly detail: KeyDetail;
}

/** Why this key cannot be rotated by hand here, if it cannot. */
function refusal(detail: KeyDetail): string | null {
  const { metadata } = detail;
  if (isAwsManaged(metadata))
    return 'AWS managed keys belong to the service that made them: AWS rotates them every year and nobody can replace them.';
  if (metadata.multiRegionConfiguration?.role === 'REPLICA')
    return 'This is a multi-Region replica: rotate its primary key by hand instead; the new primary gets replicas in the same Regions.';
  if (metadata.keyUsage === 'KEY_AGREEMENT')
    return 'Keyward does not create key agreement keys; create the new key with the AWS CLI and re-point the aliases from the key’s page.';
  return null;
}

/** Rotation by hand: the key today, options, preview of the AWS calls, then the run. */
export function ManualRotationWizard({ keyRef, detail }: ManualRotationWizardProps) {
  const wizard = useManualRotation(keyRef, detail);
  const refused = refusal(detail);
  if (refused) {
    return (
      <Alert
        color="gray"
        variant="light"
        title="This key cannot be rotated by hand"
        data-testid="rotation-refused"
      >
        {refused}
      </Alert>
    );
  }
  const started = wizard.state.status !== 'idle';
  const last = STEP_LABELS.length - 1;
  return (
    <Stack gap="md">
      <Stepper
        active={wizard.step}
        onStepClick={started ? undefined : wizard.goTo}
        size="sm"
        allowNextStepsSelect={false}
      >
        <Stepper.Step label={STEP_LABELS[0]}>
          <KeyTodayStep keyRef={keyRef} detail={detail} />
        </Stepper.Step>
        <Stepper.Step label={STEP_LABELS[1]}>
          <OptionsStep
            metadata={detail.metadata}
            aliases={aliasNames(detail)}
            choices={wizard.choices}
            onChange={wizard.setChoices}
            problems={wizard.problems}
          />
        </Stepper.Step>
        <Stepper.Step label={STEP_LABELS[2]}>
          <PreviewStep
            metadata={detail.metadata}
            calls={plannedCalls(detail, keyRef, wizard.choices)}
          />
        </Stepper.Step>
        <Stepper.Step label={STEP_LABELS[3]}>
          <RunStep
            keyRef={keyRef}
            state={wizard.state}
            partial={wizard.partial}
            onResume={wizard.resume}
            onRestart={wizard.start}
          />
        </Stepper.Step>
      </Stepper>
      {!started && (
        <ActionGroup justify="space-between">
          <Button variant="default" onClick={wizard.back} disabled={wizard.step === 0}>
            Back
          </Button>
          {wizard.step < last - 1 && (
            <Button onClick={wizard.next} data-blocked={wizard.blocked || undefined}>
              Next: {STEP_LABELS[wizard.step + 1]}
            </Button>
          )}
          {wizard.step === last - 1 && <Button onClick={wizard.start}>Rotate the key</Button>}
        </ActionGroup>
      )}
    </Stack>
  );
}
