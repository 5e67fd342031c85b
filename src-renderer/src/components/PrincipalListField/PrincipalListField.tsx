import { ActionIcon, Autocomplete, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { BreakableCode } from '../DataTable/BreakableCode';
import { checkAccountId, checkAccountPrincipal, checkServicePrincipal } from './principal-checks';

/** What a list holds: IAM principals of the key's account, other account ids, or AWS services. */
export type PrincipalKind = 'account-principal' | 'account-id' | 'service';

export interface PrincipalListFieldProps {
  readonly kind: PrincipalKind;
  /** The key's account: principals must be in it, other accounts must not be it. */
  readonly accountId: string;
  readonly title: string;
  readonly hint: string;
  readonly entries: readonly string[];
  readonly suggestions?: readonly string[];
  readonly onAdd: (entry: string) => void;
  readonly onRemove: (entry: string) => void;
  readonly emptyText: string;
}

const placeholders: Readonly<Record<PrincipalKind, string>> = {
  'account-principal': 'arn:aws:iam::…:role/…',
  'account-id': '123456789012',
  service: 'logs.us-east-1.amazonaws.com',
};

function checkOf(kind: PrincipalKind, accountId: string): (entry: string) => string | undefined {
  if (kind === 'account-principal') return (entry) => checkAccountPrincipal(entry, accountId);
  if (kind === 'account-id') return (entry) => checkAccountId(entry, accountId);
  return checkServicePrincipal;
}

/**
 * A list of principals holding one role in a key policy (the policy editor's visual view and the
 * create-key wizard's access step): who holds it, remove buttons, and a checked field to add one.
 */
export function PrincipalListField(props: PrincipalListFieldProps) {
  const { kind, accountId, title, hint, entries, suggestions = [], onAdd, onRemove } = props;
  const check = checkOf(kind, accountId);
  const placeholder = placeholders[kind];
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const entry = draft.trim();
    if (!entry) return;
    const problem = check(entry);
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
