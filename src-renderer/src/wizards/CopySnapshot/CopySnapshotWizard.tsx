import { WorkflowStepper } from '../workflow/WorkflowStepper';
import { RunProgress } from '../workflow/RunProgress';
import type { CopySource } from './copy-snapshot-form';
import { CopyDone } from './steps/CopyDone';
import { DestinationStep } from './steps/DestinationStep';
import { useCopySnapshot } from './use-copy-snapshot';

/** Copy a snapshot to another Region under a key of that Region: choose, preview, check, run. */
export function CopySnapshotWizard({ source }: { source: CopySource }) {
  const { wizard, choices, setChoices } = useCopySnapshot(source);
  return (
    <WorkflowStepper
      wizard={wizard}
      noun="the copy"
      startLabel="Copy the snapshot"
      choices={[
        <DestinationStep
          key="destination"
          source={source}
          choices={choices}
          onChange={setChoices}
          problems={wizard.problems}
        />,
      ]}
      run={
        <RunProgress
          plan={wizard.plan.data}
          state={wizard.state}
          onRetry={wizard.resume}
          doing="Copying the snapshot"
          done={(run) => <CopyDone run={run} destinationRegion={choices.destinationRegion} />}
        />
      }
    />
  );
}
