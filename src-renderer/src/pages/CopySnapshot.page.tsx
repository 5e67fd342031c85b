import { useParams } from 'react-router';
import { CopySnapshotWizard } from '../wizards/CopySnapshot/CopySnapshotWizard';
import { WizardPage } from '../wizards/workflow/WizardPage';

/** `/snapshots/copy/:profileId/:region/:snapshotId`: the copy-to-another-Region wizard. */
export function CopySnapshotPage() {
  const params = useParams();
  const source = {
    profileId: params.profileId ?? '',
    region: params.region ?? '',
    snapshotId: params.snapshotId ?? '',
  };
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
