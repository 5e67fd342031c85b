import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { KeyDetail } from '../../../../src-shared/models/key-detail';
import type { KeyRef } from '../../../../src-shared/schemas/key-ref';
import { BreakableCode } from '../../components/DataTable/BreakableCode';
import { NowrapText } from '../../components/DataTable/TableCard';
import { StatusBadge } from '../../components/StatusBadge/StatusBadge';
import { BackToKeys } from './BackToKeys';
import { CopyValueButton } from './CopyValueButton';
import { DeletionCancelledNotice } from './DeletionCancelledNotice';
import { FactList } from './FactList';
import { aliasNames, isAwsManaged, stateLabel, stateTone } from './key-facts';
import { displayName, formatDate, daysUntil } from './format';
import { LifecycleActions } from './LifecycleActions';

interface Props {
  readonly keyRef: KeyRef;
  readonly detail: KeyDetail;
}

function PendingDeletionNotice({ date }: { date: string | null }) {
  const days = daysUntil(date);
  return (
    <Alert color="red" variant="light" title="Pending deletion" data-testid="pending-deletion">
      Deleted on {formatDate(date)}
      {days !== null && ` (in ${days} day${days === 1 ? '' : 's'})`}. Until then nothing can use it;
      Cancel deletion keeps it (it comes back Disabled).
    </Alert>
  );
}

function AwsManagedNotice() {
  return (
    <Alert
      variant="light"
      icon={<IconInfoCircle />}
      title="AWS managed key"
      data-testid="aws-managed"
    >
      AWS creates, rotates (every year) and deletes this key for a service. You can read it and use
      it through that service, but not enable, disable, delete it, change its rotation, aliases,
      tags or policy.
    </Alert>
  );
}

export function KeyDetailHeader({ keyRef, detail }: Props) {
  const { metadata } = detail;
  const aliases = aliasNames(detail);
  const [cancelled, setCancelled] = useState<string | null>(null);
  const managed = isAwsManaged(metadata);
  return (
    <Stack gap="sm">
      <BackToKeys />
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4} miw={0} style={{ flex: '1 1 20rem' }}>
          <Group gap="xs" align="center">
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
              {displayName(aliases, metadata.keyId)}
            </Title>
            <StatusBadge tone={stateTone(metadata.keyState)} data-testid="key-state">
              {stateLabel(metadata.keyState)}
            </StatusBadge>
            <StatusBadge tone={managed ? 'aws' : 'neutral'}>
              {managed ? 'AWS managed' : 'Customer managed'}
            </StatusBadge>
          </Group>
          {aliases.length > 1 && (
            <Text size="sm" c="dimmed">
              Also: {aliases.slice(1).join(', ')}
            </Text>
          )}
        </Stack>
        {!managed && (
          <LifecycleActions
            keyRef={keyRef}
            metadata={metadata}
            aliases={aliases}
            onCancelled={setCancelled}
          />
        )}
      </Group>
      <FactList
        cols={4}
        facts={[
          {
            label: 'Key ID',
            span: 2,
            value: (
              <Group gap={4} wrap="nowrap">
                <NowrapText size="sm" ff="monospace" data-testid="key-id">
                  {metadata.keyId}
                </NowrapText>
                <CopyValueButton value={metadata.keyId} label="Copy key ID" />
              </Group>
            ),
          },
          { label: 'Account', value: <NowrapText size="sm">{metadata.accountId}</NowrapText> },
          { label: 'Region', value: <NowrapText size="sm">{metadata.region}</NowrapText> },
          {
            label: 'ARN',
            wide: true,
            value: (
              <Group gap={4} wrap="nowrap" align="flex-start">
                <BreakableCode>{metadata.arn}</BreakableCode>
                <CopyValueButton value={metadata.arn} label="Copy ARN" />
              </Group>
            ),
          },
        ]}
      />
      {managed && <AwsManagedNotice />}
      {metadata.keyState === 'PendingDeletion' && (
        <PendingDeletionNotice date={metadata.deletionDate} />
      )}
      {cancelled && metadata.keyState !== 'PendingDeletion' && (
        <DeletionCancelledNotice
          keyRef={keyRef}
          message={cancelled}
          enabled={metadata.keyState === 'Enabled'}
          onClose={() => setCancelled(null)}
        />
      )}
    </Stack>
  );
}
