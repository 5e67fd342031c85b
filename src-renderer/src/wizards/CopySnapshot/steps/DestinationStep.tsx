import { Alert, Checkbox, Select, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useRegions } from '../../../api/queries';
import { RegionKeySelect } from '../../workflow/RegionKeySelect';
import type { CopyChoices, CopySource } from '../copy-snapshot-form';

export interface DestinationStepProps {
  readonly source: CopySource;
  readonly choices: CopyChoices;
  readonly onChange: (patch: Partial<CopyChoices>) => void;
  readonly problems: Readonly<Record<string, string>>;
}

function KeyField({ source, choices, onChange, problems }: DestinationStepProps) {
  return (
    <RegionKeySelect
      profileId={source.profileId}
      region={choices.destinationRegion}
      label={`Key in ${choices.destinationRegion || 'the destination Region'}`}
      description="Customer managed keys first; aws/ebs is this account’s default EBS key there."
      value={choices.kmsKeyId}
      onChange={(kmsKeyId) => onChange({ kmsKeyId })}
      error={problems.key}
    />
  );
}

/** Step 1: where the copy goes, the key that encrypts it there, and whether tags go with it. */
export function DestinationStep(props: DestinationStepProps) {
  const { source, choices, onChange, problems } = props;
  const { data: regions = [] } = useRegions();
  const regionOptions = regions
    .filter((r) => r.code !== source.region)
    .map((r) => ({ value: r.code, label: `${r.code} — ${r.name}` }));
  return (
    <Stack gap="md" maw={640}>
      <Text size="sm">
        Copy <strong>{source.snapshotId}</strong> from <strong>{source.region}</strong> with profile{' '}
        <strong>{source.profileId}</strong>.
      </Text>
      <Select
        label="Destination Region"
        placeholder="Choose a Region"
        data={regionOptions}
        value={choices.destinationRegion || null}
        onChange={(value) => onChange({ destinationRegion: value ?? '', kmsKeyId: '' })}
        error={problems.region}
        searchable
      />
      <Alert variant="light" color="blue" icon={<IconInfoCircle />} p="sm">
        KMS keys are regional: the copy is encrypted with a key of the destination Region, not with
        the key of the source snapshot.
      </Alert>
      <KeyField {...props} />
      <Checkbox
        label="Carry the snapshot’s tags over to the copy"
        checked={choices.copyTags}
        onChange={(event) => onChange({ copyTags: event.currentTarget.checked })}
      />
    </Stack>
  );
}
