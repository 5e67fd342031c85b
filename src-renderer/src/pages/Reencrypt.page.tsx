import { useParams } from 'react-router';
import { ReencryptWizard } from '../wizards/Reencrypt/ReencryptWizard';
import { isVolume, sourceId, type ReencryptSource } from '../wizards/Reencrypt/reencrypt-form';
import { WizardPage } from '../wizards/workflow/WizardPage';

/**
 * `/snapshots/reencrypt/:profileId/:region/:snapshotId` and
 * `/volumes/reencrypt/:profileId/:region/:volumeId`: the re-encrypt wizard.
 */
export function ReencryptPage() {
  const params = useParams();
  const place = { profileId: params.profileId ?? '', region: params.region ?? '' };
  const source: ReencryptSource =
    params.volumeId === undefined
      ? { ...place, snapshotId: params.snapshotId ?? '' }
      : { ...place, volumeId: params.volumeId };
  const volume = isVolume(source);
  return (
    <WizardPage
      back={
        volume
          ? { to: '/volumes/reencrypt', label: '← Choose another volume' }
          : { to: '/snapshots', label: '← Back to the snapshots' }
      }
      title={`Re-encrypt ${sourceId(source)} under another key`}
      description={
        volume
          ? 'A new volume in the same zone, encrypted with another key of the Region; the original volume stays as it is.'
          : 'A copy in the same Region, encrypted with another key of that Region; the original snapshot stays as it is.'
      }
    >
      <ReencryptWizard source={source} />
    </WizardPage>
  );
}
