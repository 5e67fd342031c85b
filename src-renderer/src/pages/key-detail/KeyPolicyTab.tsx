import { Card, Code, Skeleton, Stack, Text } from '@mantine/core';
import { Suspense } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { lazyNamed } from '../../lazy-named';
import type { TabProps } from './KeyDetailTabs';

// CodeMirror and the policy model load with the tab, not with the page (README "Bundle budget").
const KeyPolicyEditor = lazyNamed(
  () => import('../../components/KeyPolicyEditor/KeyPolicyEditor'),
  'KeyPolicyEditor',
);

function pretty(document: string): string {
  try {
    return JSON.stringify(JSON.parse(document), null, 2);
  } catch {
    return document;
  }
}

/**
 * The key policy tab: the policy editor (visual and JSON views, lint, effective access, diff
 * before save, versions). An AWS managed key's policy is AWS's to change: shown read-only.
 */
export function KeyPolicyTab({ keyRef, detail }: TabProps) {
  const { policy, metadata } = detail;
  if (!policy.ok) return <ErrorAlert error={policy.error} />;
  if (metadata.keyManager === 'AWS') {
    return (
      <Card withBorder radius="lg" padding="lg" data-testid="key-policy-tab">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            AWS manages this key&apos;s policy; it cannot be changed.
          </Text>
          <Code block tabIndex={0} aria-label={`Key policy ${policy.value.policyName}`}>
            {pretty(policy.value.document)}
          </Code>
        </Stack>
      </Card>
    );
  }
  return (
    <div data-testid="key-policy-tab">
      <Suspense fallback={<Skeleton h={400} />}>
        <KeyPolicyEditor
          key={metadata.arn}
          profileId={keyRef.profileId}
          region={keyRef.region}
          keyId={keyRef.keyId}
          accountId={metadata.accountId}
          keyArn={metadata.arn}
          document={policy.value.document}
        />
      </Suspense>
    </div>
  );
}
