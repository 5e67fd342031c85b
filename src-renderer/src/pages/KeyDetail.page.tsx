import { Button, Skeleton, Stack, Title } from '@mantine/core';
import { useParams } from 'react-router';
import type { KeyDetail } from '../../../src-shared/models/key-detail';
import type { KeyRef } from '../../../src-shared/schemas/key-ref';
import { toSerialized } from '../api/present-error';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { BackToKeys } from './key-detail/BackToKeys';
import { KeyDetailHeader } from './key-detail/KeyDetailHeader';
import { KeyDetailTabs } from './key-detail/KeyDetailTabs';
import { useManualRotationPalette } from './key-detail/ManualRotationEntry';
import { useKeyDetail } from './key-detail/use-key-detail';

/** `/keys/:profileId/:region/:keyId` (the inventory's "Open"). */
function useKeyRef(): KeyRef {
  const params = useParams();
  return {
    profileId: params.profileId ?? '',
    region: params.region ?? '',
    keyId: params.keyId ?? '',
  };
}

export function KeyDetailPage() {
  const ref = useKeyRef();
  const detail = useKeyDetail(ref);
  if (detail.isPending) {
    return (
      <Stack>
        <BackToKeys />
        <Skeleton h={140} aria-label="Loading key" />
        <Skeleton h={320} />
      </Stack>
    );
  }
  if (detail.isError) {
    return (
      <Stack>
        <BackToKeys />
        <Title order={1} size="h2">
          Key {ref.keyId}
        </Title>
        <ErrorAlert error={toSerialized(detail.error)} />
        <div>
          <Button variant="default" onClick={() => void detail.refetch()}>
            Try again
          </Button>
        </div>
      </Stack>
    );
  }
  return <LoadedKey keyRef={ref} detail={detail.data} />;
}

function LoadedKey({ keyRef: ref, detail }: { keyRef: KeyRef; detail: KeyDetail }) {
  useManualRotationPalette(ref, detail.metadata);
  return (
    <Stack gap="lg">
      <KeyDetailHeader keyRef={ref} detail={detail} />
      <KeyDetailTabs keyRef={ref} detail={detail} />
    </Stack>
  );
}
