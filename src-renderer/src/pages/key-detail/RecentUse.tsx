import { Group, Stack, Text } from '@mantine/core';
import type { KeyActivityResult } from '../../../../src-shared/models/key-activity';
import { recentUseSentence, shortCaller } from './activity-text';

/** The deletion impact's "recent use": what CloudTrail's event history recorded for the key. */
export function RecentUse({ result }: { result: KeyActivityResult }) {
  const { activity } = result;
  if (!activity) {
    return (
      <Text size="sm" data-testid="recent-use">
        <b>Recent use:</b> unknown — {result.reason ?? 'CloudTrail could not be read'}. The rest of
        the report still holds.
      </Text>
    );
  }
  const tally = (items: readonly { name: string; count: number }[], short = false) =>
    items.map((i) => `${short ? shortCaller(i.name) : i.name} ×${i.count}`).join(', ');
  return (
    <Stack gap={2} data-testid="recent-use">
      <Text size="sm">
        <b>Recent use:</b> {recentUseSentence(activity)}
      </Text>
      {activity.count > 0 && (
        <Group gap="lg" wrap="wrap">
          <Text size="xs" c="dimmed">
            Top operations: {tally(activity.topEvents)}
          </Text>
          <Text size="xs" c="dimmed">
            Top callers: {tally(activity.topCallers, true)}
          </Text>
        </Group>
      )}
      <Text size="xs" c="dimmed">
        From CloudTrail event history in the key’s Region (events can take a few minutes to appear).
      </Text>
    </Stack>
  );
}
