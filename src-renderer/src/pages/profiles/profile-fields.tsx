import {
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  type SegmentedControlProps,
  type SelectProps,
} from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useId } from 'react';
import { regionOptions } from './region-options';

/** AWS or the built-in sandbox: where a profile's credentials are sent. Bind with form.getInputProps('target'). */
export function TargetField({
  label,
  ...input
}: { label: string } & Omit<SegmentedControlProps, 'data'>) {
  const labelId = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={labelId}>
        {label}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        {...input}
        data={[
          { value: 'aws', label: 'AWS' },
          { value: 'sandbox', label: 'Keyward sandbox' },
        ]}
        w="fit-content"
      />
    </Stack>
  );
}

/** The profile's default region. Bind with form.getInputProps('defaultRegion'). */
export function RegionField(input: Omit<SelectProps, 'data' | 'label'>) {
  return (
    <Select
      label="Default region"
      data={regionOptions}
      searchable
      allowDeselect={false}
      {...input}
    />
  );
}

/** What field groups need of a Mantine form, whatever its values type. */
export interface FieldBinder {
  key: (path: string) => string;
  getInputProps: (path: string, options?: { type?: 'checkbox' }) => GetInputPropsReturnType;
}

/** Mantine form props for `path`; the element also needs `key={form.key(path)}` (React wants keys outside spreads). */
const bind = (form: FieldBinder, path: string) => form.getInputProps(path);

/** Access key id and secret (`accessKeyId`, `secretAccessKey`); "New …" when replacing a key. */
export function KeyPairFields({
  form,
  replacing = false,
}: {
  form: FieldBinder;
  replacing?: boolean;
}) {
  const prefix = replacing ? 'New access' : 'Access';
  return (
    <>
      <TextInput
        label={`${prefix} key ID`}
        placeholder="AKIA…"
        required
        autoComplete="off"
        spellCheck={false}
        key={form.key('accessKeyId')}
        {...bind(form, 'accessKeyId')}
      />
      <PasswordInput
        label={replacing ? 'New secret access key' : 'Secret access key'}
        required
        autoComplete="off"
        leftSection={<IconLock size={16} />}
        key={form.key('secretAccessKey')}
        {...bind(form, 'secretAccessKey')}
      />
    </>
  );
}

/** How a role is assumed: ARN, external id, session name and length, MFA device and code. */
export function RoleFields({ form }: { form: FieldBinder }) {
  return (
    <>
      <TextInput
        label="Role ARN"
        placeholder="arn:aws:iam::222222222222:role/BackupOperator"
        required
        spellCheck={false}
        key={form.key('roleArn')}
        {...bind(form, 'roleArn')}
      />
      <SimpleGrid cols={2}>
        <TextInput
          label="External ID (optional)"
          key={form.key('externalId')}
          {...bind(form, 'externalId')}
        />
        <TextInput
          label="Session name"
          key={form.key('sessionName')}
          {...bind(form, 'sessionName')}
        />
        <NumberInput
          label="Session length (seconds)"
          min={900}
          max={43200}
          step={900}
          key={form.key('durationSeconds')}
          {...bind(form, 'durationSeconds')}
        />
        <TextInput
          label="MFA device (optional)"
          placeholder="arn:aws:iam::111111111111:mfa/admin"
          key={form.key('mfaSerial')}
          {...bind(form, 'mfaSerial')}
        />
        <TextInput
          label="MFA code"
          description="Needed to check the role now when it requires MFA"
          placeholder="123456"
          inputMode="numeric"
          autoComplete="one-time-code"
          key={form.key('mfaCode')}
          {...bind(form, 'mfaCode')}
        />
      </SimpleGrid>
    </>
  );
}

/** Where to sign in to IAM Identity Center, and the account and permission set to use. */
export function SsoFields({ form }: { form: FieldBinder }) {
  return (
    <>
      <TextInput
        label="Start URL (AWS access portal)"
        placeholder="https://my-org.awsapps.com/start"
        required
        spellCheck={false}
        key={form.key('startUrl')}
        {...bind(form, 'startUrl')}
      />
      <Select
        label="Identity Center region"
        data={regionOptions}
        searchable
        allowDeselect={false}
        key={form.key('ssoRegion')}
        {...bind(form, 'ssoRegion')}
      />
      <SimpleGrid cols={2}>
        <TextInput
          label="Account id"
          placeholder="111122223333"
          required
          inputMode="numeric"
          key={form.key('accountId')}
          {...bind(form, 'accountId')}
        />
        <TextInput
          label="Role name (permission set)"
          placeholder="AdministratorAccess"
          required
          spellCheck={false}
          key={form.key('roleName')}
          {...bind(form, 'roleName')}
        />
      </SimpleGrid>
    </>
  );
}
