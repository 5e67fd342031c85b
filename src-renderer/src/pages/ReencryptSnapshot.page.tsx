import { useParams } from 'react-router';
import { ReencryptPage } from './reencrypt/ReencryptPage';

/** `/snapshots/reencrypt/:profileId/:region/:snapshotId`: re-encrypt one snapshot. */
export function ReencryptSnapshotPage() {
  const params = useParams();
  return (
    <ReencryptPage
      source={{
        profileId: params.profileId ?? '',
        region: params.region ?? '',
        snapshotId: params.snapshotId ?? '',
      }}
    />
  );
}
