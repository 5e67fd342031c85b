import { Skeleton, Stack } from '@mantine/core';
import { useProfiles, useRegions, useSettings } from '../api/queries';
import { PageHeader } from '../components/PageHeader/PageHeader';
import { CreateKeyWizard } from '../wizards/CreateKey/CreateKeyWizard';

/** `/keys/new`: the create-key wizard in the active profile and Region (both can be changed). */
export function CreateKeyPage() {
  const settings = useSettings();
  const profiles = useProfiles();
  const regions = useRegions();
  const ready = settings.data && profiles.data && regions.data;
  return (
    <Stack>
      <PageHeader
        title="Create key"
        description="A customer managed KMS key: type, name, access and policy, then created with progress."
      />
      {!ready && <Skeleton h={400} />}
      {ready && (
        <CreateKeyWizard
          profiles={profiles.data}
          regions={regions.data}
          activeProfileId={settings.data.activeProfileId ?? profiles.data[0]?.id ?? ''}
          activeRegion={settings.data.activeRegion}
        />
      )}
    </Stack>
  );
}
