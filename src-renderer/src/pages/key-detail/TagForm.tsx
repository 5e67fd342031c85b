import { Button, Group, TextInput } from '@mantine/core';
import type { KeyRef } from '../../../../src-shared/schemas/key-ref';
import { tagSchema } from '../../../../src-shared/schemas/key-ref';
import { useApi } from '../../api/api-context';
import { useKeyChange } from './use-key-detail';

export interface TagDraft {
  readonly key: string;
  readonly value: string;
}

/** Adds a tag, or replaces the value of one (TagResource with an existing key). */
export function TagForm(props: {
  keyRef: KeyRef;
  draft: TagDraft;
  editing: boolean;
  onChange(draft: TagDraft): void;
}) {
  const api = useApi();
  const { draft } = props;
  const checked = tagSchema.safeParse(draft);
  const save = useKeyChange(
    props.keyRef,
    (tag: TagDraft) => api.keys.tag({ ...props.keyRef, tags: [tag] }),
    (_, tag) => `Tag ${tag.key} saved.`,
  );
  const keyError =
    draft.key && !checked.success
      ? checked.error.issues.find((i) => i.path[0] === 'key')?.message
      : undefined;
  return (
    <Group align="flex-start" gap="xs">
      <TextInput
        label="Tag key"
        value={draft.key}
        readOnly={props.editing}
        onChange={(event) => props.onChange({ ...draft, key: event.currentTarget.value })}
        error={keyError}
        w={220}
      />
      <TextInput
        label="Value"
        value={draft.value}
        onChange={(event) => props.onChange({ ...draft, value: event.currentTarget.value })}
        w={260}
      />
      <Button
        mt={25}
        disabled={!checked.success}
        loading={save.isPending}
        onClick={() =>
          save.mutate(draft, { onSuccess: () => props.onChange({ key: '', value: '' }) })
        }
      >
        {props.editing ? 'Save tag' : 'Add tag'}
      </Button>
      {props.editing && (
        <Button mt={25} variant="default" onClick={() => props.onChange({ key: '', value: '' })}>
          Cancel
        </Button>
      )}
    </Group>
  );
}
