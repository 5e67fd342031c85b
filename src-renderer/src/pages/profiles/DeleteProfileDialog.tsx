import { Alert, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProfileSummary } from '../../../../src-shared/models/profile';
import {
  describeDependents,
  profileDependents,
} from '../../../../src-shared/models/profile-dependents';
import { useApi } from '../../api/api-context';
import { presentError } from '../../api/present-error';
import { queryKeys, useProfiles, useSettings } from '../../api/queries';
import { ConfirmDestructive } from '../../components/ConfirmDestructive/ConfirmDestructive';
import { notifySuccess } from '../../components/notify/notify';

/** Yellow titles miss WCAG AA contrast on their light background: body text colour instead. */
const readableTitle = { title: { color: 'var(--mantine-color-text)' } };

/** What deleting does, in the words of the profile's kind; and what the notification says after. */
function consequences(profile: ProfileSummary): { what: string; after: string } {
  switch (profile.kind) {
    case 'access-key':
      return {
        what: `Keyward removes the profile and removes the access key${profile.accessKeyHint ? ` ${profile.accessKeyHint}` : ''} from the credential store (the OS keychain)${profile.mfaSerial ? '; its MFA session, if one runs, ends' : ''}. The key itself stays valid in AWS: deactivate it in IAM if it should not be used any more.`,
        after: 'Its access key is gone from the OS keychain.',
      };
    case 'assume-role':
      return {
        what: 'Keyward removes the role profile and ends its session. The role itself in AWS is untouched.',
        after: 'The role in AWS is untouched.',
      };
    case 'sso':
      return {
        what: 'Keyward signs out of IAM Identity Center and forgets the cached SSO token (kept in the OS keychain). The permission set in AWS is untouched.',
        after: 'Signed out; its SSO token is gone.',
      };
    case 'shared-config':
      return {
        what: `Keyward forgets the profile. Your AWS config file and its profile “${profile.configProfile ?? ''}” are not changed.`,
        after: 'Your AWS config file is unchanged.',
      };
    case 'sandbox':
      return { what: '', after: '' };
  }
}

/**
 * Deleting a profile, said before it is asked: the profiles that use it as their source (then
 * the delete button stays disabled), whether it is the active profile or half of the
 * cross-account pair, and what goes with it by kind. Main refuses a profile with dependents
 * again, for a change made meanwhile in another window.
 */
export function DeleteProfileDialog({
  profile,
  opened,
  onClose,
}: {
  profile: ProfileSummary;
  opened: boolean;
  onClose: () => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { data: profiles = [] } = useProfiles();
  const { data: settings } = useSettings();
  const remove = useMutation({ mutationFn: () => api.profiles.delete({ id: profile.id }) });
  const dependents = profileDependents(profile.id, profiles);
  const active = settings?.activeProfileId === profile.id;
  const pair = settings?.crossAccountPair;
  const pairSide =
    pair?.sourceProfileId === profile.id
      ? 'source'
      : pair?.targetProfileId === profile.id
        ? 'target'
        : null;
  const { what, after } = consequences(profile);

  const onConfirm = () =>
    remove.mutate(undefined, {
      onSuccess: async () => {
        onClose();
        await queryClient.invalidateQueries({ queryKey: queryKeys.profiles });
        await queryClient.invalidateQueries({ queryKey: queryKeys.settings });
        notifySuccess({
          title: `Deleted “${profile.name}”`,
          message: after,
        });
      },
      onError: (error) => presentError(error),
    });

  return (
    <ConfirmDestructive
      opened={opened}
      title={`Delete “${profile.name}”?`}
      confirmLabel="Delete profile"
      busy={remove.isPending}
      blocked={dependents.length > 0}
      onCancel={onClose}
      onConfirm={onConfirm}
    >
      <Stack gap="sm">
        {dependents.length > 0 && (
          <Alert color="red" variant="light" title="Other profiles use it" role="alert">
            {describeDependents(dependents)}
          </Alert>
        )}
        {active && (
          <Alert
            color="yellow"
            variant="light"
            title="This is the active profile"
            styles={readableTitle}
          >
            Keyward will switch to no active profile: choose another one in the header afterwards.
          </Alert>
        )}
        {pairSide && (
          <Alert
            color="yellow"
            variant="light"
            title="Part of the cross-account pair"
            styles={readableTitle}
          >
            It is the {pairSide} of the cross-account pair; the pair is cleared.
          </Alert>
        )}
        <Text size="sm">{what}</Text>
      </Stack>
    </ConfirmDestructive>
  );
}
