import { schemaResolver, useForm } from '@mantine/form';
import {
  addAssumeRoleProfileInput,
  type AddAssumeRoleProfileInput,
} from '../../../../src-shared/schemas/profile-input';

export interface AssumeRoleValues {
  name: string;
  sourceProfileId: string;
  roleArn: string;
  externalId: string;
  sessionName: string;
  durationSeconds: number;
  mfaSerial: string;
  mfaCode: string;
  defaultRegion: string;
  saveUnverified: boolean;
}

export const emptyAssumeRole: AssumeRoleValues = {
  name: '',
  sourceProfileId: '',
  roleArn: '',
  externalId: '',
  sessionName: 'keyward',
  durationSeconds: 3600,
  mfaSerial: '',
  mfaCode: '',
  defaultRegion: 'us-east-1',
  saveUnverified: false,
};

/** Empty optional fields mean "not set". */
export function toAssumeRoleInput(values: AssumeRoleValues): AddAssumeRoleProfileInput {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const externalId = optional(values.externalId);
  const mfaSerial = optional(values.mfaSerial);
  const mfaCode = optional(values.mfaCode);
  return {
    name: values.name,
    sourceProfileId: values.sourceProfileId,
    roleArn: values.roleArn,
    sessionName: values.sessionName,
    durationSeconds: values.durationSeconds,
    defaultRegion: values.defaultRegion,
    saveUnverified: values.saveUnverified,
    ...(externalId ? { externalId } : {}),
    ...(mfaSerial ? { mfaSerial } : {}),
    ...(mfaCode ? { mfaCode } : {}),
  };
}

export function useAssumeRoleForm() {
  const resolve = schemaResolver(addAssumeRoleProfileInput, { sync: true });
  return useForm<AssumeRoleValues>({
    mode: 'uncontrolled',
    initialValues: emptyAssumeRole,
    validate: (values) => resolve(toAssumeRoleInput(values)),
  });
}
