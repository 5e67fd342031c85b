import { Anchor, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader/PageHeader';
import { ReencryptWizard } from '../wizards/Reencrypt/ReencryptWizard';
import { isVolume, sourceId, type ReencryptSource } from '../wizards/Reencrypt/reencrypt-form';
import classes from './key-detail/KeyDetail.module.css';

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
    <Stack>
      <Anchor
        className={classes.link}
        component={Link}
        to={volume ? '/volumes/reencrypt' : '/snapshots'}
        size="sm"
        w="fit-content"
      >
        {volume ? '← Choose another volume' : '← Back to the snapshots'}
      </Anchor>
      <PageHeader
        title={`Re-encrypt ${sourceId(source)} under another key`}
        description={
          volume
            ? 'A new volume in the same zone, encrypted with another key of the Region; the original volume stays as it is.'
            : 'A copy in the same Region, encrypted with another key of that Region; the original snapshot stays as it is.'
        }
      />
      <ReencryptWizard source={source} />
    </Stack>
  );
}
