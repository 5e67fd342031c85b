import { Alert, Card, Code, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { NetworkStatus } from '../../../../src-shared/models/network';
import type { Settings } from '../../../../src-shared/schemas/settings';
import { presentError } from '../../api/present-error';
import { useNetworkStatus, useUpdateSettings } from '../../api/queries';
import { notifySuccess } from '../../components/notify/notify';
import { SaveFooter } from '../../components/UnsavedChanges/SaveFooter';
import { useDirtyTracker } from '../../components/UnsavedChanges/use-dirty-tracker';
import { useUnsavedChangesGuard } from '../../components/UnsavedChanges/use-unsaved-changes-guard';
import {
  networkFormValues,
  toNetworkPatch,
  useNetworkForm,
  type NetworkFormValues,
} from './network-form';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text size="sm" fw={600} w={110} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

function caBundleText(status: NetworkStatus): ReactNode {
  if (!status.caBundle) return 'Default CA certificates only.';
  const { path, certificateCount, source } = status.caBundle;
  return (
    <>
      <Code>{path}</Code> — {certificateCount} certificate{certificateCount === 1 ? '' : 's'}{' '}
      trusted on top of the defaults (from {source === 'settings' ? 'Settings' : 'AWS_CA_BUNDLE'})
    </>
  );
}

const envNote = (name: string, value: string | null) =>
  value ? ` ${name} is set to “${value}” in the environment.` : '';

/** Settings → Network: the proxy in effect (read-only), the CA bundle, FIPS and dual-stack. */
export function NetworkCard({ settings }: { settings: Settings }) {
  const { data: status } = useNetworkStatus();
  const update = useUpdateSettings();
  const initial = networkFormValues(settings);
  const { dirty, onValuesChange, markSaved } = useDirtyTracker(initial);
  const form = useNetworkForm(initial, onValuesChange);
  useUnsavedChangesGuard(dirty);

  const save = async (values: NetworkFormValues) => {
    try {
      const saved = await update.mutateAsync(toNetworkPatch(values));
      form.setInitialValues(networkFormValues(saved));
      form.resetDirty();
      markSaved(networkFormValues(saved));
      notifySuccess({
        title: 'Network settings saved',
        message: 'New requests to AWS use them.',
      });
    } catch (error) {
      presentError(error, { form });
    }
  };

  return (
    <Card
      withBorder
      padding="lg"
      radius="lg"
      component="form"
      onSubmit={form.onSubmit(save)}
      aria-labelledby="settings-network"
      data-testid="network-settings"
    >
      <Stack gap="lg">
        <div>
          <Title order={2} size="h4" id="settings-network">
            Network
          </Title>
          <Text size="sm" c="dimmed">
            How Keyward reaches real AWS. The sandbox runs on this computer and never uses the
            proxy.
          </Text>
        </div>
        {status && (
          <Stack gap={6} data-testid="network-status">
            <Fact label="Proxy">
              {status.proxy ? (
                <>
                  <Code>{status.proxy.url}</Code> (from {status.proxy.variable})
                </>
              ) : (
                'None: AWS is reached directly.'
              )}
            </Fact>
            <Fact label="NO_PROXY">
              {status.noProxy ? <Code>{status.noProxy.value}</Code> : 'Not set.'}
            </Fact>
            <Fact label="CA bundle">{caBundleText(status)}</Fact>
            <Text size="xs" c="dimmed">
              The proxy comes from HTTPS_PROXY (or https_proxy, ALL_PROXY) and NO_PROXY in the
              environment Keyward was started from; change them there and restart.
            </Text>
            {[status.proxyError, status.caBundleError].filter(Boolean).map((problem) => (
              <Alert key={problem} color="red" icon={<IconAlertTriangle size={16} />} role="alert">
                {problem}
              </Alert>
            ))}
          </Stack>
        )}
        <TextInput
          label="CA bundle file (PEM)"
          description="Extra CA certificates to trust for AWS, e.g. your proxy’s CA. Leave empty to use AWS_CA_BUNDLE when it is set. Type the full path; a file chooser will come with the desktop build."
          placeholder="/etc/ssl/certs/corp-proxy-ca.pem"
          key={form.key('caBundlePath')}
          {...form.getInputProps('caBundlePath')}
          maw={640}
        />
        <Switch
          label="Use FIPS endpoints"
          description={`FIPS 140 validated endpoints for every real-AWS profile. When off, AWS_USE_FIPS_ENDPOINT and the profile’s use_fips_endpoint decide.${envNote('AWS_USE_FIPS_ENDPOINT', status?.fips.env ?? null)}`}
          key={form.key('useFipsEndpoint')}
          {...form.getInputProps('useFipsEndpoint', { type: 'checkbox' })}
        />
        <Switch
          label="Use dual-stack endpoints"
          description={`IPv4 and IPv6 endpoints for every real-AWS profile. When off, AWS_USE_DUALSTACK_ENDPOINT and the profile’s use_dualstack_endpoint decide.${envNote('AWS_USE_DUALSTACK_ENDPOINT', status?.dualstack.env ?? null)}`}
          key={form.key('useDualstackEndpoint')}
          {...form.getInputProps('useDualstackEndpoint', { type: 'checkbox' })}
        />
        <SaveFooter dirty={dirty} busy={update.isPending} label="Save network settings" />
      </Stack>
    </Card>
  );
}
