import { Alert, Code, Group, List, Stack, Text } from '@mantine/core';
import type { KeyUsage } from '../../../../src-shared/models/key-usage';

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;

function IdList({ ids, label }: { ids: readonly string[]; label: string }) {
  if (ids.length === 0) return null;
  return (
    <Group gap={6} aria-label={label} role="list">
      {ids.map((id) => (
        <Code key={id} role="listitem">
          {id}
        </Code>
      ))}
    </Group>
  );
}

/** Volumes, snapshots and AMIs on the key, with counts and ids, and the places not read. */
export function UsageFindings({ usage }: { usage: KeyUsage }) {
  const failed = usage.scope.filter((where) => where.error);
  // The profile matters only when more than one was looked at.
  const profiles = new Set(usage.scope.map((place) => place.profileId));
  const where = (item: { profileId: string; region: string }) =>
    profiles.size > 1 ? `${item.profileId} · ${item.region}` : item.region;
  return (
    <Stack gap="xs" data-testid="usage-findings">
      <List size="sm" spacing={6}>
        <List.Item>
          <Text span size="sm" fw={600}>
            {plural(usage.volumes.length, 'volume')}
          </Text>
          <IdList label="Volumes" ids={usage.volumes.map((v) => `${v.volumeId} (${where(v)})`)} />
        </List.Item>
        <List.Item>
          <Text span size="sm" fw={600}>
            {plural(usage.snapshots.length, 'snapshot')}
          </Text>
          <IdList
            label="Snapshots"
            ids={usage.snapshots.map((s) => `${s.snapshotId} (${where(s)})`)}
          />
        </List.Item>
        <List.Item>
          <Text span size="sm" fw={600}>
            {plural(usage.images.length, 'AMI')}
          </Text>
          <IdList label="AMIs" ids={usage.images.map((i) => `${i.imageId} (${where(i)})`)} />
        </List.Item>
      </List>
      <Text size="xs" c="dimmed">
        Looked in {plural(usage.scope.length - failed.length, 'place')} (profile × region)
        {failed.length > 0 ? `; ${failed.length} could not be read` : ''}.
      </Text>
      {failed.length > 0 && (
        <Alert color="orange" variant="light" title="Not every place could be read">
          {failed.map((f) => (
            <Text key={`${f.profileId}-${f.region}`} size="sm">
              {f.profileId} · {f.region}: {f.error?.message}
            </Text>
          ))}
        </Alert>
      )}
    </Stack>
  );
}
