import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { KeyRef } from '../../../../src-shared/schemas/key-ref';
import { useApi } from '../../api/api-context';
import { useUnsavedChangesGuard } from '../../components/UnsavedChanges/use-unsaved-changes-guard';
import { useKeyChange } from './use-key-detail';

/** The key's description, saved with UpdateKeyDescription; leaving with changes asks first. */
export function DescriptionEditor(props: {
  keyRef: KeyRef;
  description: string;
  readOnly: boolean;
}) {
  const api = useApi();
  const [text, setText] = useState(props.description);
  const dirty = text !== props.description;
  useUnsavedChangesGuard(dirty);
  const save = useKeyChange(
    props.keyRef,
    (description: string) => api.keys.updateDescription({ ...props.keyRef, description }),
    () => 'Description saved.',
  );
  return (
    <Stack gap="xs">
      <Textarea
        label="Description"
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        readOnly={props.readOnly}
        rows={3}
        maxLength={8192}
      />
      {!props.readOnly && (
        <Group gap="xs">
          <Button
            size="xs"
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => save.mutate(text)}
          >
            Save description
          </Button>
          {dirty && (
            <Button size="xs" variant="default" onClick={() => setText(props.description)}>
              Undo changes
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
