import { Alert, Checkbox, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { toSerialized } from '../../../api/present-error';
import { useProfiles } from '../../../api/queries';
import { ErrorAlert } from '../../../components/ErrorAlert/ErrorAlert';
import { itemGroups, itemText } from '../revoke-sharing-form';
import type { RevokeSharing } from '../use-revoke-sharing';

/** Step 2: everything found, grouped by kind; unticking an item keeps it shared. */
export function FoundStep({ revoke }: { revoke: RevokeSharing }) {
  const { find, accountId, unticked, toggle, wizard } = revoke;
  const { data: profiles = [] } = useProfiles();
  const profileName = (id: string) => profiles.find((p) => p.id === id)?.name ?? id;
  if (find.isPending) return <Skeleton h={200} aria-label="Searching the scope" />;
  if (find.isError) return <ErrorAlert error={toSerialized(find.error)} />;
  const { items, problems } = find.data;
  return (
    <Stack gap="md">
      {problems.map((p) => (
        <Stack key={`${p.profileId}|${p.region}`} gap={4}>
          <Text size="sm">
            {profileName(p.profileId)} in {p.region} could not be searched; the run leaves it out.
          </Text>
          <ErrorAlert error={p.error} />
        </Stack>
      ))}
      {items.length === 0 ? (
        <Alert
          icon={<IconInfoCircle size={18} />}
          title="Nothing to revoke"
          data-testid="revoke-nothing"
        >
          Nothing in this scope is shared with account {accountId}: no snapshot or AMI these
          profiles own names it, and no key policy or grant of their customer managed keys does.
          Public sharing is not sharing with one account and is not listed.
        </Alert>
      ) : (
        <Text size="sm">
          Found {items.length} item(s) shared with account {accountId}. Untick what should stay
          shared; the rest is removed in one run you preview first.
        </Text>
      )}
      {itemGroups.map((group) => {
        const inGroup = items.filter((item) => item.kind === group.kind);
        if (inGroup.length === 0) return null;
        return (
          <Paper key={group.kind} withBorder p="sm" data-testid={`revoke-group-${group.kind}`}>
            <Stack gap="xs">
              <Title order={3} size="h5">
                {group.title} ({inGroup.length})
              </Title>
              {inGroup.map((item) => {
                const text = itemText(item, profileName);
                return (
                  <Checkbox
                    key={item.id}
                    checked={!unticked.has(item.id)}
                    onChange={() => toggle(item.id)}
                    label={
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {text.label}
                      </Text>
                    }
                    description={<span style={{ overflowWrap: 'anywhere' }}>{text.detail}</span>}
                    data-testid="revoke-item"
                  />
                );
              })}
            </Stack>
          </Paper>
        );
      })}
      {wizard.problems['found'] && items.length > 0 && (
        <Text size="sm" c="red">
          {wizard.problems['found']}
        </Text>
      )}
    </Stack>
  );
}
