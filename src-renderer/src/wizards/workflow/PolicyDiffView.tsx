import { Code, SimpleGrid, Stack, Text } from '@mantine/core';
import type { PolicyDiff } from '../../../../src-shared/models/workflow-plan';
import { StatementDiff } from '../../components/KeyPolicyEditor/StatementDiff';

const wrapped = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

const pretty = (policy: string) => {
  try {
    return JSON.stringify(JSON.parse(policy), null, 2);
  } catch {
    return policy;
  }
};

/** A key-policy step's change: the statement Keyward adds highlighted, the whole policy on demand. */
export function PolicyDiffView({ diff }: { diff: PolicyDiff }) {
  return (
    <Stack gap="xs" data-testid="workflow-policy-diff">
      {diff.addedSid ? (
        <Text size="sm">
          The policy of {diff.keyArn} gets statement <strong>{diff.addedSid}</strong> (undo removes
          it by that Sid):
        </Text>
      ) : (
        <Text size="sm">
          The policy of {diff.keyArn} changes as shown (undo puts it back as it was):
        </Text>
      )}
      <StatementDiff before={diff.before} after={diff.after} />
      <details>
        <summary>
          <Text span size="sm">
            The whole policy, before and after
          </Text>
        </summary>
        <SimpleGrid cols={{ base: 1, md: 2 }} mt="xs">
          <Stack gap={4}>
            <Text size="xs" fw={600}>
              Before
            </Text>
            <Code block style={wrapped}>
              {pretty(diff.before)}
            </Code>
          </Stack>
          <Stack gap={4}>
            <Text size="xs" fw={600}>
              After
            </Text>
            <Code block style={wrapped}>
              {pretty(diff.after)}
            </Code>
          </Stack>
        </SimpleGrid>
      </details>
    </Stack>
  );
}
