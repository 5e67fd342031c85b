import { schemaResolver, useForm, type FormErrors } from '@mantine/form';
import type { ProfileSummary } from '../../../../src-shared/models/profile';
import {
  editProfileInput,
  type EditProfileInput,
} from '../../../../src-shared/schemas/profile-input';

/** Every editable field as the form holds it: strings, empty meaning "none". */
export interface EditProfileValues {
  name: string;
  defaultRegion: string;
  saveUnverified: boolean;
  mfaSerial: string;
  replaceKey: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  roleArn: string;
  externalId: string;
  sessionName: string;
  durationSeconds: number;
  mfaCode: string;
  configProfile: string;
  startUrl: string;
  ssoRegion: string;
  accountId: string;
  roleName: string;
}

export type EditableKind = Exclude<ProfileSummary['kind'], 'sandbox'>;

export function editValuesFrom(profile: ProfileSummary): EditProfileValues {
  return {
    name: profile.name,
    defaultRegion: profile.defaultRegion,
    saveUnverified: false,
    mfaSerial: profile.mfaSerial ?? '',
    replaceKey: false,
    accessKeyId: '',
    secretAccessKey: '',
    roleArn: profile.roleArn ?? '',
    externalId: profile.roleOptions?.externalId ?? '',
    sessionName: profile.roleOptions?.sessionName ?? 'keyward',
    durationSeconds: profile.roleOptions?.durationSeconds ?? 3600,
    mfaCode: '',
    configProfile: profile.configProfile ?? '',
    startUrl: profile.sso?.startUrl ?? '',
    ssoRegion: profile.sso?.ssoRegion ?? 'us-east-1',
    accountId: profile.sso?.accountId ?? '',
    roleName: profile.sso?.roleName ?? '',
  };
}

const orNull = (value: string): string | null => (value.trim() ? value.trim() : null);

/** The call main gets: only the fields of the profile's kind. */
export function toEditInput(
  id: string,
  kind: EditableKind,
  values: EditProfileValues,
): EditProfileInput {
  const common = {
    id,
    name: values.name,
    defaultRegion: values.defaultRegion,
    saveUnverified: values.saveUnverified,
  };
  switch (kind) {
    case 'access-key':
      return {
        ...common,
        kind,
        mfaSerial: orNull(values.mfaSerial),
        newAccessKey: values.replaceKey
          ? { accessKeyId: values.accessKeyId, secretAccessKey: values.secretAccessKey }
          : null,
      };
    case 'assume-role':
      return {
        ...common,
        kind,
        roleArn: values.roleArn,
        externalId: orNull(values.externalId),
        sessionName: values.sessionName,
        durationSeconds: values.durationSeconds,
        mfaSerial: orNull(values.mfaSerial),
        ...(values.mfaCode.trim() ? { mfaCode: values.mfaCode.trim() } : {}),
      };
    case 'shared-config':
      return { ...common, kind, configProfile: values.configProfile };
    case 'sso':
      return {
        ...common,
        kind,
        startUrl: values.startUrl,
        ssoRegion: values.ssoRegion,
        accountId: values.accountId,
        roleName: values.roleName,
      };
  }
}

/** Field errors come back under the input's paths; the new key's sit under newAccessKey. */
function flattenKeyErrors(errors: FormErrors): FormErrors {
  const flat: FormErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    flat[path.replace(/^newAccessKey\./, '')] = message;
  }
  return flat;
}

export function useEditProfileForm(profile: ProfileSummary, kind: EditableKind) {
  const resolve = schemaResolver(editProfileInput, { sync: true });
  // Controlled: the new-key fields appear as soon as "Replace the access key" is ticked.
  return useForm<EditProfileValues>({
    mode: 'controlled',
    initialValues: editValuesFrom(profile),
    validate: (values) => flattenKeyErrors(resolve(toEditInput(profile.id, kind, values))),
  });
}
