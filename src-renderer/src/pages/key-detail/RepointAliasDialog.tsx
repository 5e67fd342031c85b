import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { KeyRef } from '../../../../src-shared/schemas/key-ref';
import { keyIdOrArn } from '../../../../src-shared/schemas/key-ref';
import { useApi } from '../../api/api-context';
import { ModalFooter, ModalFrame } from '../../components/ModalFrame/ModalFrame';
import { useKeyChange } from './use-key-detail';

/** UpdateAlias: the alias moves to another key of the same type and usage, in this Region. */
export function RepointAliasDialog(props: {
  keyRef: KeyRef;
  alias: string | null;
  onClose(): void;
}) {
  const api = useApi();
  const [target, setTarget] = useState('');
  const checked = keyIdOrArn.safeParse(target.trim());
  const move = useKeyChange(
    props.keyRef,
    (keyId: string) =>
      api.keys.updateAlias({ ...props.keyRef, aliasName: props.alias ?? '', keyId }),
    () => `${props.alias} now points at the other key.`,
  );
  const close = () => {
    setTarget('');
    props.onClose();
  };
  return (
    <ModalFrame
      opened={props.alias !== null}
      onClose={close}
      title={`Re-point ${props.alias ?? ''}`}
      size="md"
    >
      <Stack>
        <Text size="sm">
          Whatever uses the alias will use the other key from now on. The other key must be in this
          account and Region, of the same type and usage; this key is untouched.
        </Text>
        <TextInput
          label="Key ID or ARN of the other key"
          value={target}
          onChange={(event) => setTarget(event.currentTarget.value)}
          error={target && !checked.success ? 'A key id (1234abcd-…, mrk-…) or key ARN' : undefined}
          data-autofocus
        />
        <ModalFooter>
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            disabled={!checked.success}
            loading={move.isPending}
            onClick={() => move.mutate(target.trim(), { onSuccess: close })}
          >
            Re-point alias
          </Button>
        </ModalFooter>
      </Stack>
    </ModalFrame>
  );
}
