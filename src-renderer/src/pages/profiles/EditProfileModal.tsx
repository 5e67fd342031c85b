import { Checkbox, Fieldset, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import type { ErrorDetails } from '../../../../src-shared/errors';
import type { ProfileSummary } from '../../../../src-shared/models/profile';
import { useApi } from '../../api/api-context';
import { ModalFrame } from '../../components/ModalFrame/ModalFrame';
import { CheckedSaveFooter } from './CheckedSaveFooter';
import {
  toEditInput,
  useEditProfileForm,
  type EditableKind,
  type EditProfileValues,
} from './edit-profile-form';
import { IdentityChangePanel } from './IdentityChangePanel';
import { KeyPairFields, RegionField, RoleFields, SsoFields } from './profile-fields';
import { useCheckedSave } from './use-checked-save';
import { notifyInfo } from '../../components/notify/notify';

type EditForm = ReturnType<typeof useEditProfileForm>;
type IdentityChange = Extract<ErrorDetails, { kind: 'identity-change' }>;

function AccessKeyFields({ form }: { form: EditForm }) {
  const replacing = form.getValues().replaceKey;
  return (
    <>
      <TextInput
        label="MFA device (optional)"
        key={form.key('mfaSerial')}
        {...form.getInputProps('mfaSerial')}
      />
      <Checkbox
        label="Replace the access key (after rotating it in IAM)"
        key={form.key('replaceKey')}
        {...form.getInputProps('replaceKey', { type: 'checkbox' })}
      />
      {replacing && <KeyPairFields form={form} replacing />}
    </>
  );
}

function EditProfileForm({
  profile,
  kind,
  onClose,
}: {
  profile: ProfileSummary;
  kind: EditableKind;
  onClose: () => void;
}) {
  const api = useApi();
  const form = useEditProfileForm(profile, kind);
  // Set only by “Save with the new identity”, for the one save it starts.
  const confirming = useRef(false);
  const { onSubmit, checkError, busy } = useCheckedSave({
    form,
    save: (values: EditProfileValues) => {
      const confirmIdentityChange = confirming.current;
      confirming.current = false;
      return api.profiles.update({
        ...toEditInput(profile.id, kind, values),
        ...(confirmIdentityChange ? { confirmIdentityChange } : {}),
      });
    },
    savedTitle: (saved) => `Saved “${saved.name}”`,
    unverifiedMessage: 'The identity check did not run or failed; the profile is marked.',
    onClose,
  });
  // The identities stay on screen while “Save with the new identity” runs (a new save clears
  // checkError); another error replaces them.
  const [change, setChange] = useState<IdentityChange | null>(null);
  const [seen, setSeen] = useState(checkError);
  if (checkError !== seen) {
    setSeen(checkError);
    if (checkError)
      setChange(checkError.details?.kind === 'identity-change' ? checkError.details : null);
  }
  const keepOld = () => {
    notifyInfo({
      title: `Nothing changed in “${profile.name}”`,
      message: `It is still ${profile.arn ?? 'the identity it was'}.`,
    });
    onClose();
  };
  return (
    <form onSubmit={onSubmit}>
      <Stack>
        <Text size="sm" c="dimmed">
          A change to the keys, role, AWS config profile or SSO account is checked with STS before
          it is kept. Secrets already stored are never shown.
        </Text>
        {/* Locked while the user decides about another identity: the choice is about these values. */}
        <Fieldset variant="unstyled" disabled={change !== null} p={0} m={0}>
          <Stack>
            <TextInput
              label="Profile name"
              required
              key={form.key('name')}
              {...form.getInputProps('name')}
            />
            <RegionField key={form.key('defaultRegion')} {...form.getInputProps('defaultRegion')} />
            {kind === 'access-key' && <AccessKeyFields form={form} />}
            {kind === 'assume-role' && <RoleFields form={form} />}
            {kind === 'shared-config' && (
              <TextInput
                label="Profile in your AWS config"
                required
                key={form.key('configProfile')}
                {...form.getInputProps('configProfile')}
              />
            )}
            {kind === 'sso' && <SsoFields form={form} />}
          </Stack>
        </Fieldset>
        {change ? (
          <IdentityChangePanel
            profileName={profile.name}
            kind={kind}
            before={change.before}
            after={change.after}
            busy={busy}
            onConfirm={() => {
              confirming.current = true;
              onSubmit();
            }}
            onKeepOld={keepOld}
          />
        ) : (
          <CheckedSaveFooter
            checkError={checkError}
            notSavedMessage="Nothing was changed. Fix the fields, or save anyway marked as failed."
            form={form}
            busy={busy}
            onCancel={onClose}
          />
        )}
      </Stack>
    </form>
  );
}

/** Edit a saved profile; the demo sandbox profiles are not editable. */
export function EditProfileModal({
  profile,
  opened,
  onClose,
}: {
  profile: ProfileSummary;
  opened: boolean;
  onClose: () => void;
}) {
  const kind = profile.kind;
  return (
    <ModalFrame opened={opened} onClose={onClose} title={`Edit “${profile.name}”`}>
      {kind !== 'sandbox' && opened && (
        <EditProfileForm profile={profile} kind={kind} onClose={onClose} />
      )}
    </ModalFrame>
  );
}
