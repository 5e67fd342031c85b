import { Anchor, Button, Skeleton, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { KeyRef } from '../../../src-shared/schemas/key-ref';
import { toSerialized } from '../api/present-error';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { PageHeader } from '../components/PageHeader/PageHeader';
import { keyPath } from '../wizards/CreateKey/steps/CreateStep';
import { ManualRotationWizard } from '../wizards/ManualRotation/ManualRotationWizard';
import { useKeyDetail } from './key-detail/use-key-detail';
import classes from './key-detail/KeyDetail.module.css';

/** `/keys/rotate/:profileId/:region/:keyId`: the manual rotation wizard for one key. */
export function ManualRotationPage() {
  const params = useParams();
  const ref: KeyRef = {
    profileId: params.profileId ?? '',
    region: params.region ?? '',
    keyId: params.keyId ?? '',
  };
  const detail = useKeyDetail(ref);
  const name = detail.data
    ? (detail.data.aliases.ok && detail.data.aliases.value[0]?.aliasName) ||
      detail.data.metadata.keyId
    : ref.keyId;
  return (
    <Stack>
      <Anchor
        className={classes.link}
        component={Link}
        to={keyPath(ref.profileId, ref.region, ref.keyId)}
        size="sm"
        w="fit-content"
      >
        ← Back to the key
      </Anchor>
      <PageHeader
        title={`Rotate ${name} by hand`}
        description="A new key like this one, its aliases moved to it, the old key kept for what it already protects."
      />
      {detail.isPending && <Skeleton h={400} aria-label="Loading key" />}
      {detail.isError && (
        <Stack align="flex-start">
          <ErrorAlert error={toSerialized(detail.error)} />
          <Button variant="default" onClick={() => void detail.refetch()}>
            Try again
          </Button>
        </Stack>
      )}
      {detail.data && <ManualRotationWizard keyRef={ref} detail={detail.data} />}
    </Stack>
  );
}
