import { Loader, Stack, Text } from '@mantine/core';
import type { KeyRef } from '../../../../src-shared/schemas/key-ref';
import { useApi } from '../../api/api-context';
import { toSerialized } from '../../api/present-error';
import { ConfirmDestructive } from '../../components/ConfirmDestructive/ConfirmDestructive';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { UsageFindings } from './UsageFindings';
import { useKeyChange, useKeyUsage } from './use-key-detail';

/** Disabling is undone by Enable, but breaks everything that uses the key meanwhile: say what. */
export function DisableKeyDialog(props: { opened: boolean; keyRef: KeyRef; onClose(): void }) {
  const api = useApi();
  const usage = useKeyUsage(props.keyRef, props.opened);
  const disable = useKeyChange(
    props.keyRef,
    () => api.keys.disable(props.keyRef),
    () => 'The key is disabled. Enable it to use it again.',
  );
  return (
    <ConfirmDestructive
      opened={props.opened}
      title="Disable this key?"
      confirmLabel="Disable key"
      busy={disable.isPending}
      onCancel={props.onClose}
      onConfirm={() => disable.mutate(undefined, { onSuccess: props.onClose })}
    >
      <Stack gap="sm">
        <Text size="sm">
          While it is disabled nothing can encrypt, decrypt, sign or generate data keys with it:
          volumes on it cannot be attached or started, snapshots cannot be copied or restored, AMIs
          cannot be launched. Enable undoes it.
        </Text>
        <Text size="sm" fw={600}>
          What uses it now
        </Text>
        {usage.isPending && <Loader size="sm" aria-label="Looking for resources on this key" />}
        {usage.isError && <ErrorAlert error={toSerialized(usage.error)} />}
        {usage.data && <UsageFindings usage={usage.data} />}
      </Stack>
    </ConfirmDestructive>
  );
}
