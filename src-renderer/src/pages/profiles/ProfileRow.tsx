import { ActionIcon, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPencil, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ProfileSummary } from '../../../../src-shared/models/profile';
import { useApi } from '../../api/api-context';
import { presentError } from '../../api/present-error';
import { queryKeys } from '../../api/queries';
import { ActionGroup } from '../../components/ActionGroup/ActionGroup';
import { BreakableCode, withBreaks } from '../../components/DataTable/BreakableCode';
import { ActionsCell, NowrapText } from '../../components/DataTable/TableCard';
import { LazyDialog } from '../../components/ModalFrame/LazyDialog';
import { StatusBadge, type StatusTone } from '../../components/StatusBadge/StatusBadge';
import { profileKindLabel } from '../../format/profile-kind';
import { timeLeft } from '../../format/time-left';
import { lazyNamed } from '../../lazy-named';
import { DeleteProfileDialog } from './DeleteProfileDialog';
import { SsoSignIn } from './SsoSignIn';
import { StartSessionButton } from './StartSessionButton';

// Loads on the first edit, with the form code (README "Bundle budget").
const EditProfileModal = lazyNamed(() => import('./EditProfileModal'), 'EditProfileModal');

const statusTone: Readonly<Record<ProfileSummary['status'], StatusTone>> = {
  verified: 'ok',
  failed: 'danger',
  unverified: 'neutral',
};

/** Assume-role profiles, and access keys with an MFA device (GetSessionToken), have sessions. */
const hasSessions = (profile: ProfileSummary): boolean =>
  profile.kind === 'assume-role' || (profile.kind === 'access-key' && profile.mfaSerial !== null);

function sessionState(profile: ProfileSummary): string {
  if (profile.kind === 'access-key') {
    return profile.session
      ? `MFA session: ${timeLeft(profile.session.expiresAt)}`
      : 'No MFA session (calls use the access key alone)';
  }
  if (profile.session) return `Session: ${timeLeft(profile.session.expiresAt)}`;
  return profile.needsMfa ? 'No session (needs MFA)' : 'No session';
}

function ago(iso: string | null): string {
  if (!iso) return 'never';
  const minutes = Math.round((Date.now() - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  return new Date(iso).toLocaleString();
}

export function ProfileRow({ profile }: { profile: ProfileSummary }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.profiles });
  const verify = useMutation({
    mutationFn: () => api.profiles.verify({ id: profile.id }),
    onSettled: refresh,
  });

  return (
    <Table.Tr data-testid={`profile-${profile.name}`}>
      <Table.Td>
        <Stack gap={4}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {profile.name}
          </Text>
          <Group gap={6}>
            <StatusBadge tone={profile.target === 'sandbox' ? 'sandbox' : 'aws'}>
              {profile.target === 'sandbox' ? 'Sandbox' : 'AWS'}
            </StatusBadge>
            <NowrapText size="sm">{profileKindLabel[profile.kind]}</NowrapText>
          </Group>
          {profile.configProfile && (
            <Text size="xs" c="dimmed">
              ~/.aws/config: {profile.configProfile}
            </Text>
          )}
          {profile.sso && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'break-word' }}>
              {withBreaks(profile.sso.startUrl, /(?<=[/.])/)} · {profile.sso.accountId} ·{' '}
              {profile.sso.roleName}
            </Text>
          )}
          {profile.accessKeyHint && (
            <Text size="xs" c="dimmed">
              {profile.accessKeyHint}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        {profile.arn ? (
          <Stack gap={2}>
            <Text size="sm">
              {profile.accountId} · {profile.principalType}
            </Text>
            <BreakableCode fz="xs">{profile.arn}</BreakableCode>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            Unknown
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <NowrapText size="sm">{profile.defaultRegion}</NowrapText>
        {hasSessions(profile) && (
          <Text size="xs" c="dimmed" data-testid="session-state">
            {sessionState(profile)}
          </Text>
        )}
        {profile.kind === 'sso' && (
          <Text size="xs" c="dimmed" data-testid="session-state">
            {profile.session
              ? `Session: ${timeLeft(profile.session.expiresAt)}`
              : profile.sso?.signedIn
                ? 'Signed in (session starts on use)'
                : 'Not signed in'}
          </Text>
        )}
      </Table.Td>
      {/* Wide enough for the widest status, so re-checking a row never shifts the columns. */}
      <Table.Td miw={112}>
        <Tooltip
          label={profile.lastError ?? `Checked ${ago(profile.lastVerifiedAt)}`}
          multiline
          w={320}
        >
          <StatusBadge tone={statusTone[profile.status]}>{profile.status}</StatusBadge>
        </Tooltip>
        <Text size="xs" c="dimmed">
          {ago(profile.lastVerifiedAt)}
        </Text>
      </Table.Td>
      <ActionsCell>
        <ActionGroup nowrap gap={4} aria-label={`Actions for ${profile.name}`}>
          {hasSessions(profile) && <StartSessionButton profile={profile} />}
          {profile.kind === 'sso' && <SsoSignIn profile={profile} />}
          <Tooltip label="Check identity again">
            <ActionIcon
              variant="subtle"
              aria-label={`Verify ${profile.name}`}
              loading={verify.isPending}
              onClick={() => verify.mutate(undefined, { onError: (error) => presentError(error) })}
            >
              <IconRefresh size={18} />
            </ActionIcon>
          </Tooltip>
          {profile.kind !== 'sandbox' && (
            <Tooltip label="Edit profile">
              <ActionIcon
                variant="subtle"
                aria-label={`Edit ${profile.name}`}
                onClick={() => setEditing(true)}
              >
                <IconPencil size={18} />
              </ActionIcon>
            </Tooltip>
          )}
          {profile.removable && (
            <Tooltip label="Delete profile">
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Delete ${profile.name}`}
                onClick={() => setConfirming(true)}
              >
                <IconTrash size={18} />
              </ActionIcon>
            </Tooltip>
          )}
        </ActionGroup>
        <LazyDialog opened={editing}>
          <EditProfileModal profile={profile} opened={editing} onClose={() => setEditing(false)} />
        </LazyDialog>
        <DeleteProfileDialog
          profile={profile}
          opened={confirming}
          onClose={() => setConfirming(false)}
        />
      </ActionsCell>
    </Table.Tr>
  );
}
