import { Alert, Loader, Select, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useProfiles, useRegions } from '../../../api/queries';
import { ErrorAlert } from '../../../components/ErrorAlert/ErrorAlert';
import { keyLabel, usableKeys } from '../../workflow/usable-keys';
import { useRegionKeys } from '../../workflow/use-region-keys';
import type { AmiSource, ShareAmiChoices } from '../share-ami-form';

export interface ShareAmiStepProps {
  readonly source: AmiSource;
  readonly choices: ShareAmiChoices;
  readonly onChange: (patch: Partial<ShareAmiChoices>) => void;
  readonly problems: Readonly<Record<string, string>>;
}

function TargetKeyField({ choices, onChange, problems }: ShareAmiStepProps) {
  const keys = useRegionKeys(choices.targetProfileId, choices.targetRegion);
  const options = usableKeys(keys.rows).map((row) => ({ value: row.arn, label: keyLabel(row) }));
  const ready = choices.targetProfileId !== '' && choices.targetRegion !== '';
  const reading = ready && (keys.state.status === 'running' || keys.state.status === 'idle');
  return (
    <Stack gap="xs">
      <Select
        label={`Key of the target account in ${choices.targetRegion || 'its Region'}`}
        description="The target’s copy (or the launched volumes) is re-encrypted with this key."
        placeholder={reading ? 'Reading the keys…' : 'Choose a key'}
        data={options}
        value={choices.kmsKeyId || null}
        onChange={(value) => onChange({ kmsKeyId: value ?? '' })}
        disabled={!ready}
        error={problems.key}
        rightSection={reading ? <Loader size="xs" /> : undefined}
        searchable
        nothingFoundMessage="No key matches"
      />
      {ready && keys.state.status === 'done' && options.length === 0 && (
        <Text size="sm" c="dimmed">
          This profile has no symmetric encryption key in {choices.targetRegion}. Create one there
          first (Keys → Create key).
        </Text>
      )}
      {keys.state.status === 'failed' && <ErrorAlert error={keys.state.error} />}
    </Stack>
  );
}

/** Step 1: the other account (its profile), where it works, and its key. */
export function TargetStep(props: ShareAmiStepProps) {
  const { source, choices, onChange, problems } = props;
  const { data: profiles = [] } = useProfiles();
  const { data: regions = [] } = useRegions();
  const owner = profiles.find((p) => p.id === source.profileId);
  const sourceAccount = owner?.accountId ?? null;
  const targets = profiles
    .filter((p) => p.id !== source.profileId && p.accountId !== sourceAccount)
    .map((p) => ({
      value: p.id,
      label: `${p.name} — ${p.accountId ?? 'account not verified yet'}`,
    }));
  return (
    <Stack gap="md" maw={640}>
      <Text size="sm">
        Share <strong>{source.imageId}</strong> ({source.region}) of profile{' '}
        <strong>{owner?.name ?? source.profileId}</strong>
        {sourceAccount ? ` (account ${sourceAccount})` : ''} with another account.
      </Text>
      <Select
        label="Target account (its profile)"
        description="Keyward acts in the other account with this profile: it checks its IAM permissions and, if you choose, copies or launches the AMI there."
        placeholder="Choose a profile of another account"
        data={targets}
        value={choices.targetProfileId || null}
        onChange={(value) => onChange({ targetProfileId: value ?? '', kmsKeyId: '' })}
        error={problems.target}
        nothingFoundMessage="No profile of another account: add one on the Profiles page"
        searchable
      />
      <Select
        label="Target Region"
        description="Where the target copies the AMI to (a launch happens in the AMI’s own Region)."
        data={regions.map((r) => ({ value: r.code, label: `${r.code} — ${r.name}` }))}
        value={choices.targetRegion || null}
        onChange={(value) => onChange({ targetRegion: value ?? '', kmsKeyId: '' })}
        error={problems.region}
        searchable
      />
      <Alert variant="light" color="blue" icon={<IconInfoCircle />} p="sm">
        KMS keys are regional and belong to one account: the target re-encrypts with a key of its
        own, in the target Region.
      </Alert>
      <TargetKeyField {...props} />
    </Stack>
  );
}
