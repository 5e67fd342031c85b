import { Button, MultiSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { grantOperations } from '../../../../src-shared/schemas/key-change-input';
import type { KeyRef } from '../../../../src-shared/schemas/key-ref';
import { useApi } from '../../api/api-context';
import { ModalFooter, ModalFrame } from '../../components/ModalFrame/ModalFrame';
import { emptyGrant, grantInput, type GrantDraft } from './create-grant-form';
import { useKeyChange } from './use-key-detail';

export function CreateGrantDialog(props: { opened: boolean; keyRef: KeyRef; onClose(): void }) {
  const api = useApi();
  const [draft, setDraft] = useState<GrantDraft>(emptyGrant);
  const set = (patch: Partial<GrantDraft>) => setDraft((previous) => ({ ...previous, ...patch }));
  const checked = grantInput(props.keyRef, draft);
  const create = useKeyChange(
    props.keyRef,
    (input: Parameters<typeof api.keys.createGrant>[0]) => api.keys.createGrant(input),
    (result) => `Grant ${result.grantId} created.`,
  );
  const close = () => {
    setDraft(emptyGrant);
    props.onClose();
  };
  const ready = checked.ok && draft.granteePrincipal !== '';
  return (
    <ModalFrame opened={props.opened} onClose={close} title="Create a grant">
      <Stack>
        <Text size="sm">
          A grant lets a principal use the key for the chosen operations without changing the key
          policy; it lasts until it is retired or revoked.
        </Text>
        <TextInput
          label="Grantee principal (ARN)"
          placeholder="arn:aws:iam::111111111111:role/app"
          value={draft.granteePrincipal}
          onChange={(event) => set({ granteePrincipal: event.currentTarget.value })}
          required
          data-autofocus
        />
        <MultiSelect
          label="Operations"
          data={[...grantOperations]}
          value={draft.operations}
          onChange={(operations) => set({ operations })}
          searchable
          required
        />
        <TextInput
          label="Retiring principal (optional)"
          value={draft.retiringPrincipal}
          onChange={(event) => set({ retiringPrincipal: event.currentTarget.value })}
        />
        <TextInput
          label="Name (optional)"
          value={draft.name}
          onChange={(event) => set({ name: event.currentTarget.value })}
        />
        <Textarea
          label="Encryption context required (optional)"
          description="One key=value per line; the grant then allows only requests carrying them."
          value={draft.context}
          onChange={(event) => set({ context: event.currentTarget.value })}
          rows={3}
        />
        {!checked.ok && draft.granteePrincipal !== '' && (
          <Text size="sm" c="red.8" role="alert">
            {checked.error}
          </Text>
        )}
        <ModalFooter>
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            disabled={!ready}
            loading={create.isPending}
            onClick={() => checked.ok && create.mutate(checked.input, { onSuccess: close })}
          >
            Create grant
          </Button>
        </ModalFooter>
      </Stack>
    </ModalFrame>
  );
}
