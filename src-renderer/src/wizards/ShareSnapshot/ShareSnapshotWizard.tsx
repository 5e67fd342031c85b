import { RunProgress } from '../workflow/RunProgress';
import { WorkflowStepper } from '../workflow/WorkflowStepper';
import type { ShareSource } from './share-snapshot-form';
import { OptionsStep } from './steps/OptionsStep';
import { ShareDone } from './steps/ShareDone';
import { TargetStep } from './steps/TargetStep';
import { useShareSnapshot } from './use-share-snapshot';

/** Share an encrypted snapshot with another account, both sides in one run: choose, preview, check, run. */
export function ShareSnapshotWizard({ source }: { source: ShareSource }) {
  const { wizard, choices, facts, setChoices, request } = useShareSnapshot(source);
  const stepProps = { source, choices, facts, onChange: setChoices, problems: wizard.problems };
  return (
    <WorkflowStepper
      wizard={wizard}
      noun="the share"
      startLabel="Share the snapshot"
      choices={[
        <TargetStep key="target" {...stepProps} />,
        <OptionsStep key="options" {...stepProps} />,
      ]}
      run={
        <RunProgress
          plan={wizard.plan.data}
          state={wizard.state}
          onRetry={wizard.resume}
          doing="Sharing the snapshot"
          done={(run) => request && <ShareDone run={run} request={request} />}
        />
      }
    />
  );
}
