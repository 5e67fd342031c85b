import { Alert, Checkbox, Loader, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { KeyRow } from '../../../../../src-shared/models/kms-key';
import { ErrorAlert } from '../../../components/ErrorAlert/ErrorAlert';
import { keyLabel, usableKeys } from '../../workflow/usable-keys';
import type { useRegionKeys } from '../../workflow/use-region-keys';
import { isVolume, sourceId, type ReencryptChoices, type ReencryptSource } from '../reencrypt-form';
import type { SourceFacts } from '../use-reencrypt-source';

export interface KeyStepProps {
  readonly source: ReencryptSource;
  readonly facts: SourceFacts | undefined;
  /** The keys of the source's profile in its Region. */
  readonly keys: ReturnType<typeof useRegionKeys>;
  readonly choices: ReencryptChoices;
  readonly onChange: (patch: Partial<ReencryptChoices>) => void;
  readonly problems: Readonly<Record<string, string>>;
}

const isAwsEbs = (row: KeyRow | undefined) => row?.aliases.includes('alias/aws/ebs') === true;

function CurrentKey({ facts, current }: { facts: SourceFacts | undefined; current?: KeyRow }) {
  if (!facts) return <Text size="sm">Current key: reading…</Text>;
  if (!facts.keyArn) {
    return (
      <Text size="sm">
        Current key: {facts.found ? 'none (not encrypted)' : 'not known yet — the plan reads it'}
      </Text>
    );
  }
  const manager = current
    ? current.manager === 'customer'
      ? 'customer managed'
      : 'AWS managed'
    : 'manager not known';
  return (
    <Text size="sm" data-testid="reencrypt-current-key">
      Current key: <strong>{current ? (current.aliases[0] ?? current.keyId) : facts.keyArn}</strong>{' '}
      ({manager})
    </Text>
  );
}

/** Step 1: the key the copy (or the new volume) is encrypted with, in the source's Region. */
export function KeyStep({ source, facts, keys, choices, onChange, problems }: KeyStepProps) {
  const current = keys.rows.find((row) => row.arn === facts?.keyArn);
  const options = usableKeys(keys.rows)
    .filter((row) => row.arn !== facts?.keyArn)
    .map((row) => ({ value: row.arn, label: keyLabel(row) }));
  const reading = keys.state.status === 'running' || keys.state.status === 'idle';
  const volume = isVolume(source);
  const what = volume ? 'volume' : 'snapshot';
  return (
    <Stack gap="md" maw={680}>
      <Text size="sm">
        Re-encrypt {what} <strong>{sourceId(source)}</strong> in{' '}
        <strong data-testid="reencrypt-place">{facts?.availabilityZone ?? source.region}</strong>{' '}
        with profile <strong>{source.profileId}</strong>.{' '}
        {volume
          ? 'Keyward snapshots it, copies that snapshot under the new key and creates a new volume from the copy in the same zone.'
          : 'Keyward makes a copy of it under the new key.'}{' '}
        The original is not changed or deleted.
      </Text>
      <CurrentKey facts={facts} {...(current ? { current } : {})} />
      {isAwsEbs(current) && (
        <Alert variant="light" color="yellow" icon={<IconInfoCircle />} p="sm">
          {volume
            ? 'aws/ebs is the AWS managed EBS key: AWS does not let anyone share a snapshot of this volume with another account. The snapshot copy this job makes under a customer managed key can be shared, and so can snapshots of the new volume.'
            : 'aws/ebs is the AWS managed EBS key: AWS does not let anyone share a snapshot encrypted with it. A copy under a customer managed key can be shared with another account.'}
        </Alert>
      )}
      {volume && facts && facts.attachedTo.length > 0 && (
        <Alert variant="light" color="yellow" icon={<IconAlertTriangle />} p="sm">
          The volume is attached to {facts.attachedTo.join(', ')}: its snapshot is crash-consistent
          (what a power cut would leave). Stop the instance or flush its file systems first for a
          clean copy.
        </Alert>
      )}
      <Alert variant="light" color="blue" icon={<IconInfoCircle />} p="sm">
        KMS keys are regional: the new key must be a key of {source.region}.
      </Alert>
      <Select
        label={`New key in ${source.region}`}
        description="Customer managed keys first; the current key is not offered."
        placeholder={reading ? 'Reading the keys…' : 'Choose a key'}
        data={options}
        value={choices.kmsKeyId || null}
        onChange={(value) => onChange({ kmsKeyId: value ?? '' })}
        error={problems.key}
        rightSection={reading ? <Loader size="xs" /> : undefined}
        searchable
        nothingFoundMessage="No key matches"
      />
      {keys.state.status === 'done' && options.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="reencrypt-no-keys">
          This profile has no other symmetric encryption key in {source.region}. Create one there
          first (Keys → Create key).
        </Text>
      )}
      {keys.state.status === 'failed' && <ErrorAlert error={keys.state.error} />}
      <Checkbox
        label={`Carry the ${what}’s tags over to the ${volume ? 'new volume' : 'copy'}`}
        checked={choices.copyTags}
        onChange={(event) => onChange({ copyTags: event.currentTarget.checked })}
      />
      {volume && (
        <Checkbox
          label="Delete the two intermediate snapshots once the new volume exists"
          description="Kept by default: the copy under the new key is the one you can share; each snapshot is billed for its storage."
          checked={choices.deleteIntermediate}
          onChange={(event) => onChange({ deleteIntermediate: event.currentTarget.checked })}
        />
      )}
    </Stack>
  );
}
