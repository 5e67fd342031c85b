import { Button, Card, Group, Skeleton, Table, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useProfiles, useSettings } from '../api/queries';
import { toSerialized } from '../api/present-error';
import { LockedStoreBanner } from '../components/CredentialStore/LockedStoreBanner';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { PageHeader } from '../components/PageHeader/PageHeader';
import { AddProfileModal } from './profiles/AddProfileModal';
import { CrossAccountPairCard } from './profiles/CrossAccountPairCard';
import { ImportProfilesModal } from './profiles/import/ImportProfilesModal';
import { ProfileRow } from './profiles/ProfileRow';

export function ProfilesPage() {
  const { data: profiles, isLoading, error } = useProfiles();
  const { data: settings } = useSettings();
  const [adding, add] = useDisclosure(false);
  // The welcome screen's "Import from AWS config" lands here with the import open.
  const location = useLocation() as { state: { import?: boolean } | null };
  const [importing, importer] = useDisclosure(location.state?.import === true);
  const navigate = useNavigate();
  useEffect(() => {
    // Once opened, forget the request so a reload does not open it again.
    if (location.state?.import) void navigate('.', { replace: true, state: null });
  }, [location.state, navigate]);
  return (
    <>
      <PageHeader
        title="Profiles"
        description="The identities Keyward acts as. Secrets stay in the OS keychain, or in Keyward’s encrypted file (Settings → Credential store)."
        actions={
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} />}
              onClick={importer.open}
            >
              Import
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={add.open}>
              Add profile
            </Button>
          </Group>
        }
      />
      <LockedStoreBanner />
      {error && <ErrorAlert error={toSerialized(error)} />}
      {isLoading && <Skeleton h={240} />}
      {profiles && (
        <Card withBorder padding={0} radius="lg">
          <Table highlightOnHover verticalSpacing="sm" aria-label="Profiles">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Identity</Table.Th>
                <Table.Th>Region</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {profiles.map((profile) => (
                <ProfileRow key={profile.id} profile={profile} />
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {profiles && settings && <CrossAccountPairCard profiles={profiles} settings={settings} />}
      <AddProfileModal opened={adding} onClose={add.close} />
      <ImportProfilesModal opened={importing} onClose={importer.close} />
    </>
  );
}
