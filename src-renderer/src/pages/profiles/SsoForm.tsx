import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SANDBOX_SSO_DEMO } from '../../../../src-shared/models/sandbox-sso-demo';
import {
  addSsoProfileInput,
  type AddSsoProfileInput,
} from '../../../../src-shared/schemas/profile-input';
import { useApi } from '../../api/api-context';
import { presentError } from '../../api/present-error';
import { queryKeys } from '../../api/queries';
import { ModalFooter } from '../../components/ModalFrame/ModalFrame';
import { notifySuccess } from '../../components/notify/notify';
import { RegionField, SsoFields, TargetField } from './profile-fields';

type Values = Required<AddSsoProfileInput>;

/** IAM Identity Center: where to sign in and which account and permission set to use. */
export function SsoForm({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<Values['target']>('aws');
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: {
      name: '',
      target: 'aws',
      startUrl: '',
      ssoRegion: 'us-east-1',
      accountId: '',
      roleName: '',
      defaultRegion: 'us-east-1',
    },
    validate: schemaResolver(addSsoProfileInput, { sync: true }),
    onValuesChange: (values) => setTarget(values.target),
  });
  const save = useMutation({ mutationFn: (values: Values) => api.profiles.addSso(values) });

  const fillDemo = () => {
    form.setValues({ ...SANDBOX_SSO_DEMO, name: form.getValues().name || 'sandbox-sso' });
  };

  const submit = (values: Values) =>
    save.mutate(values, {
      onSuccess: async (profile) => {
        await queryClient.invalidateQueries({ queryKey: queryKeys.profiles });
        notifySuccess({
          title: `Added “${profile.name}”`,
          message: 'Choose Sign in on its row to sign in through your browser.',
        });
        form.reset();
        onClose();
      },
      onError: (error) => presentError(error, { form }),
    });

  return (
    <form onSubmit={form.onSubmit(submit)}>
      <Stack>
        <Text size="sm" c="dimmed">
          Sign in through IAM Identity Center (AWS SSO) as the AWS CLI does: Keyward shows a code,
          you allow it in your browser, and the sign-in stays in the OS keychain. Role credentials
          live only in memory and are renewed before they expire.
        </Text>
        <TextInput
          label="Profile name"
          placeholder="prod-admin-sso"
          required
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        <TargetField
          label="Where to sign in"
          key={form.key('target')}
          {...form.getInputProps('target')}
        />
        {target === 'sandbox' && (
          <Alert color="grape" variant="light" title="The sandbox has a demo Identity Center">
            <Group justify="space-between" align="center">
              <Text size="sm">
                {SANDBOX_SSO_DEMO.startUrl}, account {SANDBOX_SSO_DEMO.accountId},{' '}
                {SANDBOX_SSO_DEMO.roleName}.
              </Text>
              <Button size="xs" variant="default" onClick={fillDemo}>
                Use the sandbox demo
              </Button>
            </Group>
          </Alert>
        )}
        <SsoFields form={form} />
        <RegionField key={form.key('defaultRegion')} {...form.getInputProps('defaultRegion')} />
        <ModalFooter>
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </ModalFooter>
      </Stack>
    </form>
  );
}
