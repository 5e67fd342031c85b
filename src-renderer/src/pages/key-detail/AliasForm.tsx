import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { KeyRef } from '../../../../src-shared/schemas/key-ref';
import { aliasName } from '../../../../src-shared/schemas/key-ref';
import { useApi } from '../../api/api-context';
import { useKeyChange } from './use-key-detail';

/** Creates an alias for this key; the name is checked as main checks it. */
export function AliasForm({ keyRef }: { keyRef: KeyRef }) {
  const api = useApi();
  const [name, setName] = useState('alias/');
  const checked = aliasName.safeParse(name);
  const create = useKeyChange(
    keyRef,
    (next: string) => api.keys.createAlias({ ...keyRef, aliasName: next }),
    (_, next) => `${next} now points at this key.`,
  );
  const touched = name !== 'alias/';
  return (
    <Group align="flex-start" gap="xs">
      <TextInput
        label="New alias"
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        error={touched && !checked.success ? checked.error.issues[0]?.message : undefined}
        w={320}
      />
      <Button
        mt={25}
        disabled={!checked.success}
        loading={create.isPending}
        onClick={() => create.mutate(name, { onSuccess: () => setName('alias/') })}
      >
        Create alias
      </Button>
    </Group>
  );
}
