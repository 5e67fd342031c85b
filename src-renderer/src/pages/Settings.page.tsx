import { Skeleton, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import type { Settings } from '../../../src-shared/schemas/settings';
import { useSettings } from '../api/queries';
import { toSerialized } from '../api/present-error';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { PageHeader } from '../components/PageHeader/PageHeader';
import { CredentialStoreCard } from './settings/credential-store/CredentialStoreCard';
import { DiagnosticsCard } from './settings/DiagnosticsCard';
import { NetworkCard } from './settings/NetworkCard';
import { SettingsForm } from './settings/SettingsForm';

const generalKey = (settings: Settings) =>
  JSON.stringify([settings.theme, settings.defaultRegions, settings.confirmBeforeDestructive]);
const networkKey = (settings: Settings) =>
  JSON.stringify([settings.caBundlePath, settings.useFipsEndpoint, settings.useDualstackEndpoint]);

export function SettingsPage() {
  const { data: settings, error } = useSettings();
  const { hash } = useLocation();
  useEffect(() => {
    if (hash === '#diagnostics') document.getElementById('diagnostics')?.scrollIntoView();
  }, [hash, settings]);
  return (
    <>
      <PageHeader
        title="Settings"
        description="Appearance, regions, safety, the network to AWS and where secrets are kept. Saved in the data directory."
      />
      <Stack maw={900}>
        {error && <ErrorAlert error={toSerialized(error)} />}
        {settings ? (
          <>
            {/* Each card starts over only when its own saved values change: saving one card
                never throws away unsaved changes in the other. */}
            <SettingsForm key={generalKey(settings)} settings={settings} />
            <NetworkCard key={networkKey(settings)} settings={settings} />
          </>
        ) : (
          !error && <Skeleton h={320} />
        )}
        <CredentialStoreCard />
        <DiagnosticsCard />
      </Stack>
    </>
  );
}
