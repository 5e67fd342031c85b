import { Card, Code, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import type { TabProps } from './KeyDetailTabs';

function pretty(document: string): string {
  try {
    return JSON.stringify(JSON.parse(document), null, 2);
  } catch {
    return document;
  }
}

/**
 * The key policy tab: a slot for the policy editor (issue 12 §6), which replaces this body.
 * Until then, the current policy read-only.
 */
export function KeyPolicyTab({ detail }: TabProps) {
  const { policy } = detail;
  return (
    <Card withBorder radius="lg" padding="lg" data-testid="key-policy-tab">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Editing: see the policy editor.
        </Text>
        {!policy.ok && <ErrorAlert error={policy.error} />}
        {policy.ok && (
          <Code block tabIndex={0} aria-label={`Key policy ${policy.value.policyName}`}>
            {pretty(policy.value.document)}
          </Code>
        )}
      </Stack>
    </Card>
  );
}
