import { ShareAmiWizard } from '../wizards/ShareAmi/ShareAmiWizard';
import { WizardPage, useRouteResource } from '../wizards/workflow/WizardPage';

/** `/amis/share/:profileId/:region/:imageId`: the share-an-AMI-with-another-account wizard. */
export function ShareAmiPage() {
  const source = useRouteResource('imageId');
  return (
    <WizardPage
      back={{ to: '/amis', label: '← Back to the AMIs' }}
      title={`Share ${source.imageId} with another account`}
      description="The launch permission, the keys of its snapshots, the target’s IAM permissions — checked on both sides before anything changes."
    >
      <ShareAmiWizard source={source} />
    </WizardPage>
  );
}
