import { Skeleton, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useSettings } from '../api/queries';
import { toSerialized } from '../api/present-error';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { PageHeader } from '../components/PageHeader/PageHeader';
import { CredentialStoreCard } from './settings/credential-store/CredentialStoreCard';
import { DiagnosticsCard } from './settings/DiagnosticsCard';
import { NetworkCard } from './settings/NetworkCard';
import { SettingsForm } from './settings/SettingsForm';

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
            <SettingsForm key={JSON.stringify(settings)} settings={settings} />
            <NetworkCard key={`network-${JSON.stringify(settings)}`} settings={settings} />
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
