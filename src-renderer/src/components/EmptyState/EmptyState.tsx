import { Card, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  readonly icon: Icon;
  readonly title: string;
  readonly description: string;
  /** What this area will hold: named honestly, never faked with sample rows. */
  readonly upcoming?: readonly string[];
  readonly action?: ReactNode;
}

export function EmptyState({
  icon: IconComponent,
  title,
  description,
  upcoming,
  action,
}: EmptyStateProps) {
  return (
    <Card withBorder padding="xl" radius="lg" maw={720} mx="auto" mt="xl" data-testid="empty-state">
      <Stack align="center" gap="md" ta="center">
        <ThemeIcon size={56} radius="xl" variant="light">
          <IconComponent size={30} stroke={1.6} aria-hidden />
        </ThemeIcon>
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text c="dimmed" maw={560}>
          {description}
        </Text>
        {upcoming && upcoming.length > 0 && (
          <Stack gap={6} align="stretch" w="100%" maw={520} ta="left">
            <Text fw={600} size="sm">
              What will be here
            </Text>
            <List size="sm" spacing={4} c="dimmed">
              {upcoming.map((item) => (
                <List.Item key={item}>{item}</List.Item>
              ))}
            </List>
          </Stack>
        )}
        {action}
      </Stack>
    </Card>
  );
}
