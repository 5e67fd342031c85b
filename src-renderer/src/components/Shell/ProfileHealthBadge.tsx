import { Badge, Box, Button, Group, Popover, Stack, Text, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useApi } from '../../api/api-context';
import { presentError } from '../../api/present-error';
import { queryKeys, useProfiles, useSettings } from '../../api/queries';
import { notifySuccess } from '../notify/notify';

/**
 * Next to the profile picker: the active profile's last identity check failed, so what the
 * pages do as it may fail too. Hover names the error; a click offers to check again or to open
 * Profiles. Nothing shows while the last check passed (or none ran yet).
 */
export function ProfileHealthBadge() {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const { data: profiles } = useProfiles();
  const { data: settings } = useSettings();
  const active = profiles?.find((profile) => profile.id === settings?.activeProfileId);
  const verify = useMutation({
    mutationFn: (id: string) => api.profiles.verify({ id }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.profiles }),
  });
  if (active?.status !== 'failed') return null;

  const error = active.lastError ?? 'The reason was not recorded.';
  const checkAgain = () =>
    verify.mutate(active.id, {
      onSuccess: (checked) => {
        setOpened(false);
        notifySuccess({
          title: `“${checked.name}” checks out again`,
          message: checked.arn ?? 'STS answered.',
        });
      },
      onError: (failure) => presentError(failure),
    });

  return (
    <Tooltip
      label={`The last identity check of “${active.name}” failed: ${error}`}
      multiline
      w={320}
      disabled={opened}
      events={{ hover: true, focus: true, touch: false }}
    >
      <Box component="span">
        <Popover opened={opened} onChange={setOpened} width={340} position="bottom" withArrow>
          <Popover.Target>
            <Badge
              component="button"
              type="button"
              color="red.9"
              variant="filled"
              leftSection={<IconAlertTriangle size={12} aria-hidden />}
              style={{ cursor: 'pointer' }}
              onClick={() => setOpened((open) => !open)}
              aria-label={`Check failed: the last identity check of ${active.name} failed`}
              data-testid="profile-health-badge"
            >
              Check failed
            </Badge>
          </Popover.Target>
          <Popover.Dropdown data-testid="profile-health">
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                The last identity check of “{active.name}” failed
              </Text>
              <Text size="sm">{error}</Text>
              <Text size="xs" c="dimmed">
                Pages act as this profile; their calls may fail the same way.
              </Text>
              <Group justify="flex-end" gap="xs">
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => {
                    setOpened(false);
                    void navigate('/profiles');
                  }}
                >
                  Open Profiles
                </Button>
                <Button size="xs" loading={verify.isPending} onClick={checkAgain}>
                  Check again
                </Button>
              </Group>
            </Stack>
          </Popover.Dropdown>
        </Popover>
      </Box>
    </Tooltip>
  );
}
