import { Button, Card, Skeleton, Table, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useProfiles, useSettings } from '../api/queries';
import { toSerialized } from '../api/present-error';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { PageHeader } from '../components/PageHeader/PageHeader';
import { AddProfileModal } from './profiles/AddProfileModal';
import { CrossAccountPairCard } from './profiles/CrossAccountPairCard';
import { ProfileRow } from './profiles/ProfileRow';

export function ProfilesPage() {
  const { data: profiles, isLoading, error } = useProfiles();
  const { data: settings } = useSettings();
  const [adding, add] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title="Profiles"
        description="The identities Keyward acts as. Secrets stay in the OS keychain."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={add.open}>
            Add profile
          </Button>
        }
      />
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
    </>
  );
}
