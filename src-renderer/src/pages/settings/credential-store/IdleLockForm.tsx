import { Button, Group, NumberInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../../api/api-context';
import { presentError } from '../../../api/present-error';
import { useSecretStoreChanged } from '../../../components/CredentialStore/secret-store-status';
import { notifySuccess } from '../../../components/notify/notify';

/** Minutes without use after which the file store locks itself (0: only when Keyward exits). */
export function IdleLockForm({ minutes }: { minutes: number }) {
  const api = useApi();
  const changed = useSecretStoreChanged();
  const [value, setValue] = useState<number | string>(minutes);
  const save = useMutation({
    mutationFn: (next: number) => api.secrets.setIdleLock({ minutes: next }),
  });
  const valid = typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1440;
  return (
    <Group align="flex-end">
      <NumberInput
        label="Lock after this many minutes without use"
        description="0: stay unlocked until you lock it or Keyward exits."
        min={0}
        max={1440}
        allowDecimal={false}
        value={value}
        onChange={setValue}
        w={340}
        error={valid ? undefined : 'A whole number from 0 to 1440'}
      />
      <Button
        variant="default"
        disabled={!valid || value === minutes}
        loading={save.isPending}
        onClick={() =>
          typeof value === 'number' &&
          save.mutate(value, {
            onSuccess: async (status) => {
              await changed(status);
              notifySuccess({
                title: 'Idle lock saved',
                message:
                  status.idleLockMinutes > 0
                    ? `The credential file locks after ${status.idleLockMinutes} minutes without use.`
                    : 'The credential file stays unlocked until you lock it or Keyward exits.',
              });
            },
            onError: (error) => presentError(error),
          })
        }
      >
        Save idle lock
      </Button>
    </Group>
  );
}
