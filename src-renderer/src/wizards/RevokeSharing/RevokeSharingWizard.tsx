import { RunProgress } from '../workflow/RunProgress';
import { WorkflowStepper } from '../workflow/WorkflowStepper';
import { AccountStep } from './steps/AccountStep';
import { FoundStep } from './steps/FoundStep';
import { RevokeDone } from './steps/RevokeDone';
import { useRevokeSharing } from './use-revoke-sharing';

/** Find everything the scope shares with an account and remove it as one previewed run. */
export function RevokeSharingWizard() {
  const revoke = useRevokeSharing();
  const { wizard } = revoke;
  return (
    <WorkflowStepper
      wizard={wizard}
      noun="the revoke"
      startLabel="Revoke the sharing"
      choices={[
        <AccountStep key="account" revoke={revoke} />,
        <FoundStep key="found" revoke={revoke} />,
      ]}
      run={
        <RunProgress
          plan={wizard.plan.data}
          state={wizard.state}
          onRetry={wizard.resume}
          doing="Revoking the sharing"
          done={(run) => <RevokeDone run={run} accountId={revoke.accountId} />}
        />
      }
    />
  );
}
