import { RunProgress } from '../workflow/RunProgress';
import { WorkflowStepper } from '../workflow/WorkflowStepper';
import type { AmiSource } from './share-ami-form';
import { ShareAmiDone } from './steps/ShareAmiDone';
import { TargetStep } from './steps/TargetStep';
import { ThenStep } from './steps/ThenStep';
import { useShareAmi } from './use-share-ami';

/** Share an AMI with another account: target, then what it does, preview, check, run. */
export function ShareAmiWizard({ source }: { source: AmiSource }) {
  const { wizard, choices, row, setChoices } = useShareAmi(source);
  const stepProps = { source, choices, onChange: setChoices, problems: wizard.problems };
  return (
    <WorkflowStepper
      wizard={wizard}
      noun="the sharing"
      startLabel="Share the AMI"
      choices={[
        <TargetStep key="target" {...stepProps} />,
        <ThenStep key="then" {...stepProps} row={row} />,
      ]}
      run={
        <RunProgress
          plan={wizard.plan.data}
          state={wizard.state}
          onRetry={wizard.resume}
          doing="Sharing the AMI"
          done={(run) => <ShareAmiDone run={run} source={source} choices={choices} />}
        />
      }
    />
  );
}
