import { schemaResolver, useForm } from '@mantine/form';
import {
  addAccessKeyProfileInput,
  type AddAccessKeyProfileInput,
} from '../../../../src-shared/schemas/profile-input';

export type AddProfileValues = Required<Omit<AddAccessKeyProfileInput, 'mfaSerial'>> & {
  mfaSerial: string;
};

export const emptyAddProfile: AddProfileValues = {
  name: '',
  target: 'aws',
  defaultRegion: 'us-east-1',
  accessKeyId: '',
  secretAccessKey: '',
  mfaSerial: '',
  saveUnverified: false,
};

/** The form validates with the same schema main enforces; an empty MFA field means "none". */
export function toAddInput(values: AddProfileValues): AddAccessKeyProfileInput {
  const { mfaSerial, ...rest } = values;
  return mfaSerial.trim() ? { ...rest, mfaSerial: mfaSerial.trim() } : rest;
}

export function useAddProfileForm() {
  const resolve = schemaResolver(addAccessKeyProfileInput, { sync: true });
  return useForm<AddProfileValues>({
    mode: 'uncontrolled',
    initialValues: emptyAddProfile,
    validate: (values) => resolve(toAddInput(values)),
  });
}
