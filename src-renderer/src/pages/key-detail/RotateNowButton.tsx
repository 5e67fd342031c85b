import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import type { KeyRef } from '../../../../src-shared/schemas/key-ref';
import { useApi } from '../../api/api-context';
import { ConfirmDestructive } from '../../components/ConfirmDestructive/ConfirmDestructive';
import { useKeyChange } from './use-key-detail';

/** RotateKeyOnDemand: new material at once; AWS allows 10 on-demand rotations per key, ever. */
export function RotateNowButton({ keyRef, busy }: { keyRef: KeyRef; busy: boolean }) {
  const api = useApi();
  const [asking, setAsking] = useState(false);
  const rotate = useKeyChange(
    keyRef,
    () => api.keys.rotateNow(keyRef),
    (result) => result.message,
  );
  return (
    <>
      <Button size="xs" variant="default" disabled={busy} onClick={() => setAsking(true)}>
        Rotate now…
      </Button>
      <ConfirmDestructive
        opened={asking}
        title="Rotate the key material now?"
        confirmLabel="Rotate now"
        busy={rotate.isPending}
        onCancel={() => setAsking(false)}
        onConfirm={() => rotate.mutate(undefined, { onSuccess: () => setAsking(false) })}
      >
        <Text size="sm">
          KMS makes new key material for this key at once; it cannot be undone. Data encrypted
          before still decrypts (KMS keeps the older material). AWS allows at most 10 on-demand
          rotations per key, and the automatic schedule stays as it is.
        </Text>
      </ConfirmDestructive>
    </>
  );
}
