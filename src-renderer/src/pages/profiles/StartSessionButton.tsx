import { ActionIcon, Button, PinInput, Stack, Text, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import type { ProfileSummary } from '../../../../src-shared/models/profile';
import { useApi } from '../../api/api-context';
import { presentError } from '../../api/present-error';
import { queryKeys } from '../../api/queries';
import { ModalFooter, ModalFrame } from '../../components/ModalFrame/ModalFrame';
import { notifySuccess } from '../../components/notify/notify';
import { timeLeft } from '../../format/time-left';

/**
 * Starts a session: AssumeRole for a role profile (with an MFA code when the role needs one), or
 * GetSessionToken with an MFA code for an access key with an MFA device.
 */
export function StartSessionButton({ profile }: { profile: ProfileSummary }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [code, setCode] = useState('');
  const start = useMutation({
    mutationFn: (mfaCode?: string) =>
      api.profiles.startSession({ id: profile.id, ...(mfaCode ? { mfaCode } : {}) }),
    onSuccess: async (updated) => {
      setAsking(false);
      setCode('');
      await queryClient.invalidateQueries({ queryKey: queryKeys.profiles });
      notifySuccess({
        title: `Session started for “${profile.name}”`,
        message: `${updated.arn ?? ''} — ${updated.session ? timeLeft(updated.session.expiresAt) : ''}`,
      });
    },
    onError: (error) => presentError(error),
  });
  const onClick = () => (profile.mfaSerial ? setAsking(true) : start.mutate(undefined));
  return (
    <>
      <Tooltip
        label={
          profile.kind === 'access-key'
            ? profile.session
              ? 'Start a new MFA session'
              : 'Start an MFA session'
            : profile.session
              ? 'Renew the session'
              : 'Start a session'
        }
      >
        <ActionIcon
          variant="subtle"
          aria-label={`Start session for ${profile.name}`}
          loading={start.isPending && !asking}
          onClick={onClick}
        >
          <IconPlayerPlay size={18} />
        </ActionIcon>
      </Tooltip>
      <ModalFrame
        opened={asking}
        onClose={() => setAsking(false)}
        title={`MFA code for “${profile.name}”`}
        size="md"
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            start.mutate(code);
          }}
        >
          <Stack>
            <Text size="sm">Enter the 6-digit code from {profile.mfaSerial}.</Text>
            {profile.kind === 'access-key' && (
              <Text size="xs" c="dimmed">
                Keyward asks STS for MFA session credentials (GetSessionToken). They stay in memory
                only, last AWS’s default of 12 hours, and need a new code when they end.
              </Text>
            )}
            <PinInput
              length={6}
              type="number"
              oneTimeCode
              value={code}
              onChange={setCode}
              aria-label="MFA code"
              autoFocus
            />
            <ModalFooter>
              <Button variant="default" onClick={() => setAsking(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={code.length !== 6} loading={start.isPending}>
                Start session
              </Button>
            </ModalFooter>
          </Stack>
        </form>
      </ModalFrame>
    </>
  );
}
