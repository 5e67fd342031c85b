import { CopySnapshotWizard } from '../wizards/CopySnapshot/CopySnapshotWizard';
import { WizardPage, useRouteResource } from '../wizards/workflow/WizardPage';

/** `/snapshots/copy/:profileId/:region/:snapshotId`: the copy-to-another-Region wizard. */
export function CopySnapshotPage() {
  const source = useRouteResource('snapshotId');
  return (
    <WizardPage
      back={{ to: '/snapshots', label: '← Back to the snapshots' }}
      title={`Copy ${source.snapshotId} to another Region`}
      description="A copy in another Region, re-encrypted with a key of that Region; the source stays as it is."
    >
      <CopySnapshotWizard source={source} />
    </WizardPage>
  );
}
