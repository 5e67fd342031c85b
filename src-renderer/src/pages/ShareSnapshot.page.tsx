import { ShareSnapshotWizard } from '../wizards/ShareSnapshot/ShareSnapshotWizard';
import { WizardPage, useRouteResource } from '../wizards/workflow/WizardPage';

/** `/snapshots/share/:profileId/:region/:snapshotId`: the share-with-another-account wizard. */
export function ShareSnapshotPage() {
  const source = useRouteResource('snapshotId');
  return (
    <WizardPage
      back={{ to: '/snapshots', label: '← Back to the snapshots' }}
      title={`Share ${source.snapshotId} with another account`}
      description="Your key policy and the snapshot’s permission on your side; on theirs, a copy re-encrypted with their own key. Checked on both sides before anything changes."
    >
      <ShareSnapshotWizard source={source} />
    </WizardPage>
  );
}
