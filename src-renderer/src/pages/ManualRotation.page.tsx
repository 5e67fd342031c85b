import { Anchor, Button, Skeleton, Stack } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { KeyDetail } from '../../../src-shared/models/key-detail';
import type { KeyRef } from '../../../src-shared/schemas/key-ref';
import { toSerialized } from '../api/present-error';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { PageHeader } from '../components/PageHeader/PageHeader';
import { keyPath } from './keys/key-paths';
import { ManualRotationWizard } from '../wizards/ManualRotation/ManualRotationWizard';
import { useKeyDetail } from './key-detail/use-key-detail';
import classes from './key-detail/KeyDetail.module.css';

const description =
  'A new key like this one, its aliases moved to it, the old key kept for what it already protects.';

function Header({ name }: { name: string }) {
  return <PageHeader title={`Rotate ${name} by hand`} description={description} />;
}

/** The key as the page first saw it names the page: once its aliases move, it is still that key. */
function Loaded({ keyRef, detail }: { keyRef: KeyRef; detail: KeyDetail }) {
  const [name] = useState(
    () => (detail.aliases.ok && detail.aliases.value[0]?.aliasName) || detail.metadata.keyId,
  );
  return (
    <>
      <Header name={name} />
      <ManualRotationWizard keyRef={keyRef} detail={detail} />
    </>
  );
}

/** `/keys/rotate/:profileId/:region/:keyId`: the manual rotation wizard for one key. */
export function ManualRotationPage() {
  const params = useParams();
  const ref: KeyRef = {
    profileId: params.profileId ?? '',
    region: params.region ?? '',
    keyId: params.keyId ?? '',
  };
  const detail = useKeyDetail(ref);
  return (
    <Stack>
      <Anchor className={classes.link} component={Link} to={keyPath(ref)} size="sm" w="fit-content">
        ← Back to the key
      </Anchor>
      {!detail.data && <Header name={ref.keyId} />}
      {detail.isPending && <Skeleton h={400} aria-label="Loading key" />}
      {detail.isError && (
        <Stack align="flex-start">
          <ErrorAlert error={toSerialized(detail.error)} />
          <Button variant="default" onClick={() => void detail.refetch()}>
            Try again
          </Button>
        </Stack>
      )}
      {detail.data && <Loaded keyRef={ref} detail={detail.data} />}
    </Stack>
  );
}
