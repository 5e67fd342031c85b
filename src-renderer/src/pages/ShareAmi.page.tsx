import { Anchor, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader/PageHeader';
import { ShareAmiWizard } from '../wizards/ShareAmi/ShareAmiWizard';
import classes from './key-detail/KeyDetail.module.css';

/** `/amis/share/:profileId/:region/:imageId`: the share-an-AMI-with-another-account wizard. */
export function ShareAmiPage() {
  const params = useParams();
  const source = {
    profileId: params.profileId ?? '',
    region: params.region ?? '',
    imageId: params.imageId ?? '',
  };
  return (
    <Stack>
      <Anchor className={classes.link} component={Link} to="/amis" size="sm" w="fit-content">
        ← Back to the AMIs
      </Anchor>
      <PageHeader
        title={`Share ${source.imageId} with another account`}
        description="The launch permission, the keys of its snapshots, the target’s IAM permissions — checked on both sides before anything changes."
      />
      <ShareAmiWizard source={source} />
    </Stack>
  );
}
