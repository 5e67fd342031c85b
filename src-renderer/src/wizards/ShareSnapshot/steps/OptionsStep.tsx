import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { RegionKeySelect } from '../../workflow/RegionKeySelect';
import { ZoneSelect } from '../../workflow/ZoneSelect';
import type { ShareStepProps } from './TargetStep';

/** Step 2: the key a snapshot on aws/ebs is re-encrypted with, and the target's optional volume. */
export function OptionsStep({ source, choices, facts, onChange, problems }: ShareStepProps) {
  return (
    <Stack gap="md" maw={680}>
      {facts.onAwsManagedKey === true && (
        <Alert
          variant="light"
          color="yellow"
          icon={<IconAlertTriangle />}
          p="sm"
          title="This snapshot is on aws/ebs"
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
        >
          AWS refuses to share a snapshot encrypted with the AWS managed key aws/ebs: no other
          account may use that key. Keyward first copies it in {source.region}, re-encrypted with a
          customer managed key of yours, and shares that copy. The original stays as it is.
        </Alert>
      )}
      {facts.onAwsManagedKey === false && (
        <Text size="sm" data-testid="share-no-reencrypt">
          The snapshot is on a customer managed key: it is shared as it is, nothing to re-encrypt.
        </Text>
      )}
      {facts.onAwsManagedKey === null && (
        <Text size="sm">
          Keyward has not read this snapshot’s key yet. If it is on aws/ebs, choose a customer
          managed key to re-encrypt a copy with (AWS refuses to share what aws/ebs encrypts).
        </Text>
      )}
      {facts.onAwsManagedKey !== false && (
        <RegionKeySelect
          profileId={source.profileId}
          region={source.region}
          label={`Re-encrypt with (your key in ${source.region})`}
          description="Customer managed keys only: their policy can let the other account in."
          value={choices.reencryptKmsKeyId}
          onChange={(reencryptKmsKeyId) => onChange({ reencryptKmsKeyId })}
          error={problems.reencrypt}
          accept={(row) => row.manager === 'customer'}
        />
      )}
      <ZoneSelect
        profileId={choices.targetProfileId}
        region={choices.targetRegion}
        label="Create a volume from the copy"
        description={`The other account gets a volume of its copy in this zone of ${choices.targetRegion}, ready to attach (zones as that account names them).`}
        noneLabel="No volume"
        value={choices.volumeAvailabilityZone}
        onChange={(volumeAvailabilityZone) => onChange({ volumeAvailabilityZone })}
        error={problems.zone}
      />
    </Stack>
  );
}
