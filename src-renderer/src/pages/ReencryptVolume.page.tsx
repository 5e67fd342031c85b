import { useParams } from 'react-router';
import { ReencryptPage } from './reencrypt/ReencryptPage';

/** `/volumes/reencrypt/:profileId/:region/:volumeId`: re-encrypt one volume. */
export function ReencryptVolumePage() {
  const params = useParams();
  return (
    <ReencryptPage
      source={{
        profileId: params.profileId ?? '',
        region: params.region ?? '',
        volumeId: params.volumeId ?? '',
      }}
    />
  );
}
