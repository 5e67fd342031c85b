import { Loader, Select, Stack, Text } from '@mantine/core';
import type { KeyRow } from '../../../../src-shared/models/kms-key';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { keyLabel, usableKeys } from './usable-keys';
import { useRegionKeys } from './use-region-keys';

export interface RegionKeySelectProps {
  readonly profileId: string;
  readonly region: string;
  readonly label: string;
  readonly description: string;
  /** The chosen key's ARN ('' for none). */
  readonly value: string;
  readonly onChange: (arn: string) => void;
  readonly error: string | undefined;
  /** Narrows the usable keys (e.g. customer managed only). */
  readonly accept?: (row: KeyRow) => boolean;
}

/** A key of one profile in one Region (read fresh: keys are regional), customer managed first. */
export function RegionKeySelect(props: RegionKeySelectProps) {
  const { profileId, region, accept = () => true } = props;
  const keys = useRegionKeys(profileId, region);
  const options = usableKeys(keys.rows)
    .filter(accept)
    .map((row) => ({ value: row.arn, label: keyLabel(row) }));
  const ready = Boolean(profileId && region);
  const reading = ready && (keys.state.status === 'running' || keys.state.status === 'idle');
  return (
    <Stack gap="xs">
      <Select
        label={props.label}
        description={props.description}
        placeholder={reading ? 'Reading the keys…' : 'Choose a key'}
        data={options}
        value={props.value || null}
        onChange={(value) => props.onChange(value ?? '')}
        disabled={!ready}
        error={props.error}
        rightSection={reading ? <Loader size="xs" /> : undefined}
        searchable
        nothingFoundMessage="No key matches"
      />
      {keys.state.status === 'done' && options.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="workflow-no-keys">
          This profile has no usable key in {region}. Create one there first (Keys → Create key).
        </Text>
      )}
      {keys.state.status === 'failed' && <ErrorAlert error={keys.state.error} />}
    </Stack>
  );
}
