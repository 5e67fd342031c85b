import { Group, Stack, Text, TextInput } from '@mantine/core';
import { useProfiles } from '../../../api/queries';
import { ScopePicker } from '../../../components/Inventory/ScopePicker';
import type { RevokeSharing } from '../use-revoke-sharing';

/** Step 1: the account to stop sharing with, and where to look (the Snapshots and AMIs scope). */
export function AccountStep({ revoke }: { revoke: RevokeSharing }) {
  const { data: profiles = [] } = useProfiles();
  const nameOf = (id: string) => profiles.find((p) => p.id === id)?.name ?? id;
  const { cells, scope, setScope, wizard } = revoke;
  const profileNames = [...new Set(cells.map((c) => nameOf(c.profileId)))];
  const regions = [...new Set(cells.map((c) => c.region))];
  return (
    <Stack gap="md" maw={640}>
      <TextInput
        label="Account id"
        description="The AWS account to stop sharing with: 12 digits."
        placeholder="123456789012"
        value={revoke.accountId}
        onChange={(event) => revoke.setAccountId(event.currentTarget.value.trim())}
        error={wizard.problems['account']}
        inputMode="numeric"
        maxLength={12}
        data-autofocus
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Where to look
        </Text>
        <Text size="sm" c="dimmed">
          The scope of the Snapshots and AMIs pages: snapshots and AMIs these profiles own, and
          their customer managed keys (policies and grants), in these Regions.
        </Text>
        <Group gap="sm" wrap="wrap">
          <ScopePicker
            cells={cells}
            isDefault={scope.data?.isDefault ?? true}
            onApply={(next) => setScope.mutate(next)}
          />
          <Text size="sm" data-testid="revoke-scope">
            {profileNames.join(', ') || 'No profile'} in {regions.join(', ') || 'no Region'}
          </Text>
        </Group>
        {wizard.problems['scope'] && (
          <Text size="sm" c="red">
            {wizard.problems['scope']}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}
