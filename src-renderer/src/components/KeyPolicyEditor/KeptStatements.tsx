import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { NotUnderstoodSection } from '../../../../src-shared/policy/key-policy/key-policy-view';
import classes from './KeyPolicyEditor.module.css';

/** The statements the visual view leaves alone, shown read-only so nobody wonders where they went. */
export function KeptStatements({ sections }: { sections: readonly NotUnderstoodSection[] }) {
  if (sections.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label="Kept as written" data-testid="kept-statements">
      <Text fw={600} size="sm">
        Kept as written
      </Text>
      <Text size="xs" c="dimmed">
        Statements the visual view does not manage. Visual edits leave them untouched; change them
        in the JSON view.
      </Text>
      {sections.map((section) => (
        <Card key={section.index} withBorder padding="xs">
          <Group gap="xs" mb={4}>
            <Badge variant="light" color="gray">
              Statement {section.index + 1}
            </Badge>
            {section.sid && <Text size="sm">{section.sid}</Text>}
          </Group>
          <Text size="xs" c="dimmed" mb={4}>
            {section.reason}
          </Text>
          <pre className={classes.statement}>{JSON.stringify(section.raw, null, 2)}</pre>
        </Card>
      ))}
    </Stack>
  );
}
