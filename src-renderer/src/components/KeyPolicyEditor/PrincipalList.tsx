import { ActionIcon, Autocomplete, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { BreakableCode } from '../DataTable/BreakableCode';

export interface PrincipalListProps {
  readonly title: string;
  readonly hint: string;
  readonly entries: readonly string[];
  readonly placeholder: string;
  readonly suggestions?: readonly string[];
  /** Returns why the entry cannot be added, or undefined to accept it. */
  readonly check?: (entry: string) => string | undefined;
  readonly onAdd: (entry: string) => void;
  readonly onRemove: (entry: string) => void;
  readonly emptyText: string;
}

/** One role of the visual view: who holds it, remove buttons, and a field to add one. */
export function PrincipalList(props: PrincipalListProps) {
  const { title, hint, entries, placeholder, suggestions = [], check, onAdd, onRemove } = props;
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const entry = draft.trim();
    if (!entry) return;
    const problem = check?.(entry);
    setError(problem);
    if (problem) return;
    onAdd(entry);
    setDraft('');
  };
  return (
    <Stack gap={6} component="section" aria-label={title}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
      {entries.length === 0 && (
        <Text size="sm" c="dimmed" fs="italic">
          {props.emptyText}
        </Text>
      )}
      {entries.map((entry) => (
        <Group key={entry} gap="xs" wrap="nowrap" align="flex-start">
          <BreakableCode>{entry}</BreakableCode>
          <ActionIcon
            variant="subtle"
            color="red"
            size="sm"
            aria-label={`Remove ${entry} from ${title.toLowerCase()}`}
            onClick={() => onRemove(entry)}
          >
            <IconX size={14} />
          </ActionIcon>
        </Group>
      ))}
      <form onSubmit={submit}>
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <Autocomplete
            flex={1}
            size="xs"
            aria-label={`Add to ${title.toLowerCase()}`}
            placeholder={placeholder}
            data={suggestions.filter((s) => !entries.includes(s))}
            value={draft}
            onChange={(value) => {
              setDraft(value);
              setError(undefined);
            }}
            error={error}
          />
          <Button type="submit" size="xs" variant="default" leftSection={<IconPlus size={14} />}>
            Add
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
