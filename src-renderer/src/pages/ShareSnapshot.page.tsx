import { Anchor, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader/PageHeader';
import { ShareSnapshotWizard } from '../wizards/ShareSnapshot/ShareSnapshotWizard';
import classes from './key-detail/KeyDetail.module.css';

/** `/snapshots/share/:profileId/:region/:snapshotId`: the share-with-another-account wizard. */
export function ShareSnapshotPage() {
  const params = useParams();
  const source = {
    profileId: params.profileId ?? '',
    region: params.region ?? '',
    snapshotId: params.snapshotId ?? '',
  };
  return (
    <Stack>
      <Anchor className={classes.link} component={Link} to="/snapshots" size="sm" w="fit-content">
        ← Back to the snapshots
      </Anchor>
      <PageHeader
        title={`Share ${source.snapshotId} with another account`}
        description="Your key policy and the snapshot’s permission on your side; on theirs, a copy re-encrypted with their own key. Checked on both sides before anything changes."
      />
      <ShareSnapshotWizard source={source} />
    </Stack>
  );
}
