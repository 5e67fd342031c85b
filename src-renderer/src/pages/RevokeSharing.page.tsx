import { RevokeSharingWizard } from '../wizards/RevokeSharing/RevokeSharingWizard';
import { WizardPage } from '../wizards/workflow/WizardPage';

/** `/sharing/revoke`: stop sharing snapshots, AMIs and keys with one account. */
export function RevokeSharingPage() {
  return (
    <WizardPage
      back={{ to: '/snapshots', label: '← Back to the snapshots' }}
      title="Revoke sharing with an account"
      description="Finds the snapshots, AMIs, key policy statements and grants that name an account, and removes them in one run you preview first."
    >
      <RevokeSharingWizard />
    </WizardPage>
  );
}
