import { Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../api/api-context';
import { useProfiles, useRegions, useSettings } from '../api/queries';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { PageHeader } from '../components/PageHeader/PageHeader';
import { toSerialized } from '../api/present-error';
import { reencryptVolumePath } from './ebs/row-actions';
import classes from './key-detail/KeyDetail.module.css';

/** `/volumes/reencrypt`: pick a volume (profile, Region, volume) for the re-encrypt wizard. */
export function ChooseVolumePage() {
  const api = useApi();
  const navigate = useNavigate();
  const { data: profiles = [] } = useProfiles();
  const { data: regions = [] } = useRegions();
  const settings = useSettings();
  // The header's profile and Region until the user picks others.
  const [chosenProfile, setProfileId] = useState<string | null>(null);
  const [chosenRegion, setRegion] = useState<string | null>(null);
  const profileId = chosenProfile ?? settings.data?.activeProfileId ?? null;
  const region = chosenRegion ?? settings.data?.activeRegion ?? null;
  const [volumeId, setVolumeId] = useState<string | null>(null);
  const volumes = useQuery({
    queryKey: ['volumes.list', profileId, region],
    queryFn: () => api.volumes.list({ profileId: profileId ?? '', region: region ?? '' }),
    enabled: profileId !== null && region !== null,
  });
  const options = (volumes.data ?? []).map((v) => ({
    value: v.volumeId,
    label: `${v.volumeId}${v.name ? ` (${v.name})` : ''} — ${v.sizeGiB} GiB, ${v.availabilityZone}, ${v.encrypted ? 'encrypted' : 'not encrypted'}${v.attachedTo.length > 0 ? ', attached' : ''}`,
  }));
  return (
    <Stack maw={720}>
      <Anchor className={classes.link} component={Link} to="/snapshots" size="sm" w="fit-content">
        ← Back to the snapshots
      </Anchor>
      <PageHeader
        title="Re-encrypt a volume"
        description="Choose the volume: Keyward makes a new volume from it in the same zone, encrypted with another key of its Region. The original volume stays as it is."
      />
      <Select
        label="Profile"
        placeholder="Choose a profile"
        data={profiles.map((p) => ({ value: p.id, label: p.name }))}
        value={profileId}
        onChange={(value) => {
          setProfileId(value);
          setVolumeId(null);
        }}
        searchable
      />
      <Select
        label="Region"
        placeholder="Choose a Region"
        data={regions.map((r) => ({ value: r.code, label: `${r.code} — ${r.name}` }))}
        value={region}
        onChange={(value) => {
          setRegion(value);
          setVolumeId(null);
        }}
        searchable
      />
      <Select
        label="Volume"
        placeholder={volumes.isFetching ? 'Reading the volumes…' : 'Choose a volume'}
        data={options}
        value={volumeId}
        onChange={setVolumeId}
        disabled={!volumes.isSuccess}
        searchable
        nothingFoundMessage="No volume matches"
      />
      {volumes.isSuccess && options.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="choose-volume-none">
          This profile has no EBS volume in {region}. Choose another profile or Region.
        </Text>
      )}
      {volumes.error && <ErrorAlert error={toSerialized(volumes.error)} />}
      <Group>
        <Button
          disabled={!volumeId || !profileId || !region}
          onClick={() =>
            profileId &&
            region &&
            volumeId &&
            void navigate(reencryptVolumePath({ profileId, region, volumeId }))
          }
        >
          Next: choose the key
        </Button>
      </Group>
    </Stack>
  );
}
