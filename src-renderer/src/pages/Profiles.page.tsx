import { Button, Skeleton, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { ProfileSummary } from '../../../src-shared/models/profile';
import { useProfiles, useSettings } from '../api/queries';
import { toSerialized } from '../api/present-error';
import { ActionsHeader, TableCard } from '../components/DataTable/TableCard';
import { stableOrder } from '../components/DataTable/stable-order';
import { usePaletteActions } from '../components/CommandPalette/use-palette-actions';
import { LockedStoreBanner } from '../components/CredentialStore/LockedStoreBanner';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { LazyDialog } from '../components/ModalFrame/LazyDialog';
import { PageHeader } from '../components/PageHeader/PageHeader';
import { lazyNamed } from '../lazy-named';
import { CrossAccountPairCard } from './profiles/CrossAccountPairCard';
import { ProfileRow } from './profiles/ProfileRow';

// The dialogs (and the form and schema code they need) load when first opened, not with the
// page Keyward opens on (README "Bundle budget").
const AddProfileModal = lazyNamed(() => import('./profiles/AddProfileModal'), 'AddProfileModal');
const ImportProfilesModal = lazyNamed(
  () => import('./profiles/import/ImportProfilesModal'),
  'ImportProfilesModal',
);

/** The sandbox's demo identities first, then the user's own, each by name (never by status). */
const profileOrder = {
  group: (profile: ProfileSummary) => (profile.kind === 'sandbox' ? 0 : 1),
  name: (profile: ProfileSummary) => profile.name,
  id: (profile: ProfileSummary) => profile.id,
};

export function ProfilesPage() {
  const { data, isLoading, error } = useProfiles();
  const profiles = useMemo(() => data && stableOrder(data, profileOrder), [data]);
  const { data: settings } = useSettings();
  const [adding, add] = useDisclosure(false);
  const [importing, importer] = useDisclosure(false);
  // The welcome dialog's "Connect to AWS" and "Import from AWS config" come here (perhaps while
  // this page is open already) asking for the add or import dialog.
  const location = useLocation() as { state: { add?: boolean; import?: boolean } | null };
  const navigate = useNavigate();
  const { open: openAdd } = add;
  const { open: openImport } = importer;
  useEffect(() => {
    if (!location.state?.add && !location.state?.import) return;
    if (location.state.add) openAdd();
    if (location.state.import) openImport();
    // Once opened, forget the request so a reload does not open it again.
    void navigate('.', { replace: true, state: null });
  }, [location.state, navigate, openAdd, openImport]);
  usePaletteActions([
    {
      id: 'profiles.add',
      label: 'Add profile',
      description: 'An access key, a role to assume, an SSO sign-in or an AWS config profile',
      icon: IconPlus,
      keywords: ['new', 'credentials', 'access key', 'sso', 'role'],
      run: openAdd,
    },
    {
      id: 'profiles.import',
      label: 'Import from ~/.aws',
      description: 'The profiles in ~/.aws/config and ~/.aws/credentials',
      icon: IconFileImport,
      keywords: ['aws config', 'credentials file', 'cli'],
      run: openImport,
    },
  ]);
  return (
    <>
      <PageHeader
        title="Profiles"
        description="The identities Keyward acts as. Secrets stay in the OS keychain, or in Keyward’s encrypted file (Settings → Credential store)."
        actions={
          <>
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
          </>
        }
      />
      <LockedStoreBanner />
      {error && <ErrorAlert error={toSerialized(error)} />}
      {isLoading && <Skeleton h={240} />}
      {profiles && (
        <TableCard aria-label="Profiles" minWidth={720} data-testid="profiles-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Profile</Table.Th>
              <Table.Th>Identity</Table.Th>
              <Table.Th>Region</Table.Th>
              <Table.Th>Status</Table.Th>
              <ActionsHeader />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {profiles.map((profile) => (
              <ProfileRow key={profile.id} profile={profile} />
            ))}
          </Table.Tbody>
        </TableCard>
      )}
      {profiles && settings && <CrossAccountPairCard profiles={profiles} settings={settings} />}
      <LazyDialog opened={adding}>
        <AddProfileModal opened={adding} onClose={add.close} />
      </LazyDialog>
      <LazyDialog opened={importing}>
        <ImportProfilesModal opened={importing} onClose={importer.close} />
      </LazyDialog>
    </>
  );
}
