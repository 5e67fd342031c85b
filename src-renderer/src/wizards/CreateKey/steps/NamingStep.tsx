import { ActionIcon, Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { StepProps } from './TypeStep';

/** Step 2: alias, description, tags. */
export function NamingStep({ draft, onChange, problems }: StepProps) {
  const set = (patch: Partial<typeof draft>) => onChange({ ...draft, ...patch });
  const setTag = (index: number, key: string, value: string) =>
    set({ tags: draft.tags.map((tag, i) => (i === index ? { key, value } : tag)) });
  return (
    <Stack gap="md">
      <TextInput
        label="Alias"
        description="Optional. A friendly name such as alias/orders-prod; applications can refer to it."
        leftSection={
          <Text size="sm" c="dimmed">
            alias/
          </Text>
        }
        leftSectionWidth={52}
        value={draft.alias.replace(/^alias\//, '')}
        onChange={(e) => set({ alias: e.currentTarget.value })}
        error={problems['alias']}
      />
      <Textarea
        label="Description"
        description="What the key protects and who owns it"
        rows={3}
        value={draft.description}
        onChange={(e) => set({ description: e.currentTarget.value })}
      />
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          Tags
        </Text>
        {draft.tags.map((tag, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              flex={1}
              aria-label={`Tag ${i + 1} key`}
              placeholder="Key"
              value={tag.key}
              onChange={(e) => setTag(i, e.currentTarget.value, tag.value)}
              error={problems[`tag${i}`]}
            />
            <TextInput
              flex={1}
              aria-label={`Tag ${i + 1} value`}
              placeholder="Value"
              value={tag.value}
              onChange={(e) => setTag(i, tag.key, e.currentTarget.value)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={6}
              aria-label={`Remove tag ${i + 1}`}
              onClick={() => set({ tags: draft.tags.filter((_, j) => j !== i) })}
            >
              <IconX size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => set({ tags: [...draft.tags, { key: '', value: '' }] })}
          >
            Add tag
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
