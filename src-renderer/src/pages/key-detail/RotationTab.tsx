import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { StatusBadge } from '../../components/StatusBadge/StatusBadge';
import { FactList } from './FactList';
import { formatDate } from './format';
import type { TabProps } from './KeyDetailTabs';
import { isAwsManaged, manualRotationOnly } from './key-facts';
import { ManualRotationEntry } from './ManualRotationEntry';
import { RotateNowButton } from './RotateNowButton';
import { RotationHistory } from './RotationHistory';
import { RotationSettings } from './RotationSettings';

export function RotationTab({ keyRef, detail }: TabProps) {
  const { rotation, rotations, metadata } = detail;
  const manualOnly = manualRotationOnly(metadata);
  const managed = isAwsManaged(metadata);
  return (
    <Stack gap="md">
      <Card withBorder radius="lg" padding="lg">
        {!rotation.ok && <ErrorAlert error={rotation.error} />}
        {rotation.ok && (
          <Stack gap="md">
            <Group gap="xs">
              <Text fw={600}>Automatic rotation</Text>
              <StatusBadge
                tone={rotation.value.enabled ? 'ok' : 'neutral'}
                data-testid="rotation-status"
              >
                {rotation.value.enabled ? 'On' : 'Off'}
              </StatusBadge>
            </Group>
            <FactList
              facts={[
                {
                  label: 'Period',
                  value: rotation.value.periodDays ? `${rotation.value.periodDays} days` : '—',
                },
                { label: 'Next rotation', value: formatDate(rotation.value.nextRotationDate) },
                ...(rotation.value.onDemandRotationStartDate
                  ? [
                      {
                        label: 'On-demand rotation started',
                        value: formatDate(rotation.value.onDemandRotationStartDate),
                      },
                    ]
                  : []),
              ]}
            />
            {(manualOnly ??
              (!rotation.value.supported ? rotation.value.unsupportedReason : null)) && (
              <Alert variant="light" color="gray" data-testid="manual-rotation-only">
                {manualOnly ?? rotation.value.unsupportedReason}
              </Alert>
            )}
            {managed && (
              <Text size="sm" c="dimmed">
                AWS rotates AWS managed keys every year; it cannot be changed.
              </Text>
            )}
            {rotation.value.supported && !managed && !manualOnly && (
              <>
                <RotationSettings keyRef={keyRef} rotation={rotation.value} />
                <Group gap="xs">
                  <RotateNowButton
                    keyRef={keyRef}
                    busy={rotation.value.onDemandRotationStartDate !== null}
                  />
                  <Text size="xs" c="dimmed">
                    New key material now, whatever the schedule.
                  </Text>
                </Group>
              </>
            )}
            <ManualRotationEntry keyRef={keyRef} metadata={metadata} />
          </Stack>
        )}
      </Card>
      <Stack gap="xs">
        <Title order={2} size="h4">
          History
        </Title>
        {rotations.ok ? (
          <RotationHistory entries={rotations.value} />
        ) : (
          <ErrorAlert error={rotations.error} />
        )}
      </Stack>
    </Stack>
  );
}
