import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProfileSummary } from '../../../../src-shared/models/profile';
import { useApi } from '../../api/api-context';
import { presentError } from '../../api/present-error';
import { queryKeys } from '../../api/queries';
import { timeLeft } from '../../format/time-left';
import { BreakableCode } from '../DataTable/BreakableCode';
import { StatusBadge } from '../StatusBadge/StatusBadge';

/** Who a profile is, as STS last said: what a user checks before a cross-account job. */
export function IdentityPanel({ profile }: { profile: ProfileSummary | undefined }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: (id: string) => api.profiles.verify({ id }),
    onError: (error) => presentError(error),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.profiles }),
  });
  if (!profile) {
    return (
      <Text size="sm" c="dimmed">
        No profile chosen.
      </Text>
    );
  }
  return (
    <Card withBorder radius="md" padding="sm" data-testid={`identity-${profile.name}`}>
      <Stack gap={4}>
        <Group gap={6}>
          <StatusBadge tone={profile.target === 'sandbox' ? 'sandbox' : 'aws'}>
            {profile.target === 'sandbox' ? 'Sandbox' : 'AWS'}
          </StatusBadge>
          <Text size="sm" fw={600}>
            {profile.accountId ? `Account ${profile.accountId}` : 'Account unknown'}
          </Text>
        </Group>
        {profile.arn ? (
          <>
            <BreakableCode fz="xs">{profile.arn}</BreakableCode>
            <Text size="xs" c="dimmed">
              {profile.principalType}
              {profile.session ? ` · session: ${timeLeft(profile.session.expiresAt)}` : ''}
            </Text>
          </>
        ) : (
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              Not verified yet.
            </Text>
            <Button
              size="compact-xs"
              variant="light"
              loading={verify.isPending}
              onClick={() => verify.mutate(profile.id)}
            >
              Verify {profile.name}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
