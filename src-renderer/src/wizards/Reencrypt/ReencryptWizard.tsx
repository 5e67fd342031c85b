import { RunProgress } from '../workflow/RunProgress';
import { WorkflowStepper } from '../workflow/WorkflowStepper';
import { isVolume, type ReencryptSource } from './reencrypt-form';
import { KeyStep } from './steps/KeyStep';
import { ReencryptDone } from './steps/ReencryptDone';
import { useReencrypt } from './use-reencrypt';

/** Re-encrypt a snapshot or a volume under another key of its Region: choose, preview, check, run. */
export function ReencryptWizard({ source }: { source: ReencryptSource }) {
  const { wizard, facts, keys, newKeyLabel, choices, setChoices } = useReencrypt(source);
  const volume = isVolume(source);
  return (
    <WorkflowStepper
      wizard={wizard}
      noun="the re-encryption"
      startLabel={volume ? 'Re-encrypt the volume' : 'Re-encrypt the snapshot'}
      choices={[
        <KeyStep
          key="key"
          source={source}
          facts={facts.data}
          keys={keys}
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
          doing={volume ? 'Re-encrypting the volume' : 'Re-encrypting the snapshot'}
          done={(run) => (
            <ReencryptDone
              run={run}
              source={source}
              facts={facts.data}
              keyLabel={newKeyLabel}
              deleteIntermediate={choices.deleteIntermediate}
            />
          )}
        />
      }
    />
  );
}
