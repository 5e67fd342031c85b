import { Anchor, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader/PageHeader';
import { CopySnapshotWizard } from '../wizards/CopySnapshot/CopySnapshotWizard';
import classes from './key-detail/KeyDetail.module.css';

/** `/snapshots/copy/:profileId/:region/:snapshotId`: the copy-to-another-Region wizard. */
export function CopySnapshotPage() {
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
        title={`Copy ${source.snapshotId} to another Region`}
        description="A copy in another Region, re-encrypted with a key of that Region; the source stays as it is."
      />
      <CopySnapshotWizard source={source} />
    </Stack>
  );
}
