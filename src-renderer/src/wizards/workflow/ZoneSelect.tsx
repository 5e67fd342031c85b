import { Loader, Select, Stack, TextInput } from '@mantine/core';
import type { AvailabilityZone } from '../../../../src-shared/models/availability-zone';
import { toSerialized } from '../../api/present-error';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { useRegionZones } from './use-region-zones';

/** The Select's value for "no zone" (a zone name is never this). */
const NONE = 'none';

export interface ZoneSelectProps {
  /** The profile that acts in the zone: zone names are its account's. */
  readonly profileId: string;
  readonly region: string;
  readonly label: string;
  /** What choosing a zone does, and whose zones are listed. */
  readonly description: string;
  /** The option that chooses no zone, e.g. "No volume". */
  readonly noneLabel: string;
  /** The zone's name ('' for none). */
  readonly value: string;
  readonly onChange: (zone: string) => void;
  readonly error: string | undefined;
}

const zoneOption = (zone: AvailabilityZone) => ({
  value: zone.name,
  label: `${zone.name} (${zone.id})${zone.state === 'available' ? '' : ` — ${zone.state}`}`,
  disabled: zone.state !== 'available',
});

/**
 * A zone of one profile in one Region, from the list EC2 gives that profile (only `available`
 * zones can be chosen). When the list cannot be read, a text field takes the zone's name and says
 * why; preflight's DryRun still checks the zone either way.
 */
export function ZoneSelect(props: ZoneSelectProps) {
  const { profileId, region } = props;
  const zones = useRegionZones(profileId, region);
  if (zones.isError || (zones.isSuccess && zones.data.length === 0)) {
    return (
      <Stack gap="xs" maw={560}>
        <TextInput
          label={props.label}
          description={`${props.description} Keyward could not list its zones (why below): type the zone’s name, like ${region}a, or leave it empty for ${props.noneLabel.toLowerCase()}.`}
          value={props.value}
          onChange={(event) => props.onChange(event.currentTarget.value.trim())}
          error={props.error}
          maw={480}
        />
        {zones.isError && <ErrorAlert error={toSerialized(zones.error)} />}
      </Stack>
    );
  }
  const reading = zones.isPending && Boolean(profileId && region);
  return (
    <Select
      label={props.label}
      description={props.description}
      data={[{ value: NONE, label: props.noneLabel }, ...(zones.data ?? []).map(zoneOption)]}
      value={reading ? null : props.value || NONE}
      onChange={(value) => props.onChange(value === null || value === NONE ? '' : value)}
      allowDeselect={false}
      error={props.error}
      disabled={reading}
      placeholder={reading ? 'Reading the zones…' : undefined}
      rightSection={reading ? <Loader size="xs" /> : undefined}
      searchable
      nothingFoundMessage="No zone matches"
      maw={480}
    />
  );
}
