import { Anchor, Button, Code, CopyButton, Group, Progress, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconExternalLink } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ProfileSummary } from '../../../../src-shared/models/profile';
import { useApi } from '../../api/api-context';
import { presentError } from '../../api/present-error';
import { queryKeys } from '../../api/queries';
import { useOperation } from '../../api/use-operation';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { ModalFooter, ModalFrame } from '../../components/ModalFrame/ModalFrame';
import { notifySuccess } from '../../components/notify/notify';
import { timeLeft } from '../../format/time-left';

function DevicePrompt({ detail }: { detail: Readonly<Record<string, string>> }) {
  const url = detail.verificationUriComplete ?? detail.verificationUri ?? '';
  return (
    <Stack gap="xs" data-testid="sso-device-prompt">
      <Text size="sm">
        Your browser should open the AWS sign-in page. Check that it shows this code, then choose
        Allow:
      </Text>
      <Text
        fz={28}
        fw={700}
        ff="monospace"
        ta="center"
        aria-label="Sign-in code"
        data-testid="sso-user-code"
      >
        {detail.userCode}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Code
          fz="xs"
          style={{ wordBreak: 'break-all', flex: 1, minWidth: 0 }}
          data-testid="sso-verification-url"
        >
          {url}
        </Code>
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button
              size="xs"
              variant="default"
              onClick={copy}
              leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            >
              {copied ? 'Copied' : 'Copy link'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Anchor href={url} target="_blank" rel="noopener noreferrer" size="sm">
        <Group gap={4} component="span">
          Open browser <IconExternalLink size={14} aria-hidden />
        </Group>
      </Anchor>
    </Stack>
  );
}

/** Sign in (device authorization, code and link shown) and Sign out for an SSO profile. */
export function SsoSignIn({ profile }: { profile: ProfileSummary }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const { state, start, cancel } = useOperation('profiles.signIn');
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.profiles });
  const signOut = useMutation({
    mutationFn: () => api.profiles.signOut({ id: profile.id }),
    // Signed out locally even when Logout could not reach Identity Center: show it either way.
    onSettled: () => refresh(),
    onSuccess: () => {
      notifySuccess({
        title: `Signed out of “${profile.name}”`,
        message: 'The sign-in was ended at IAM Identity Center and removed from the keychain.',
      });
    },
    onError: (error) => presentError(error),
  });

  const finished = state.status === 'done' || state.status === 'failed';
  useEffect(() => {
    if (finished) void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refresh once per outcome
  }, [finished]);

  const running = state.status === 'running';
  const close = () => {
    if (running) void cancel();
    setOpen(false);
  };
  const signIn = () => {
    setOpen(true);
    void start({ id: profile.id });
  };

  return (
    <>
      {profile.sso?.signedIn ? (
        <Button
          size="xs"
          variant="default"
          loading={signOut.isPending}
          onClick={() => signOut.mutate()}
          aria-label={`Sign out of ${profile.name}`}
        >
          Sign out
        </Button>
      ) : (
        <Button size="xs" onClick={signIn} aria-label={`Sign in to ${profile.name}`}>
          Sign in
        </Button>
      )}
      <ModalFrame opened={open} onClose={close} title={`Sign in to “${profile.name}”`} size="md">
        <Stack>
          {running && (
            <Stack gap={4} aria-live="polite">
              <Progress
                value={(((state.step ?? 0) + 1) / (state.stepCount ?? 4)) * 100}
                animated
                aria-label="Sign-in progress"
              />
              <Text size="xs" c="dimmed">
                {state.title ?? 'Starting…'}
              </Text>
            </Stack>
          )}
          {running && state.detail && <DevicePrompt detail={state.detail} />}
          {state.status === 'done' && (
            <Stack gap="xs" data-testid="sso-signed-in">
              <Text fw={600}>Signed in</Text>
              <Text size="sm">
                {state.result.accountId} · {state.result.principalType}
              </Text>
              <Code fz="xs">{state.result.arn}</Code>
              {state.result.session && (
                <Text size="sm">Session: {timeLeft(state.result.session.expiresAt)}</Text>
              )}
            </Stack>
          )}
          {state.status === 'failed' && <ErrorAlert error={state.error} />}
          <ModalFooter>
            {running ? (
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
            ) : (
              <Button onClick={() => setOpen(false)}>Close</Button>
            )}
          </ModalFooter>
        </Stack>
      </ModalFrame>
    </>
  );
}
