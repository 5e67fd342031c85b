import { Alert, Loader, Radio, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { AmiRow } from '../../../../../src-shared/models/ami';
import { BreakableCode } from '../../../components/DataTable/BreakableCode';
import { NowrapText } from '../../../components/DataTable/TableCard';
import { RegionKeySelect } from '../../workflow/RegionKeySelect';
import { amiKeys, type ShareAmiThen } from '../share-ami-form';
import type { ShareAmiStepProps } from './TargetStep';

const THEN_OPTIONS: readonly { value: ShareAmiThen; label: string; description: string }[] = [
  {
    value: 'copy-image',
    label: 'Copy the AMI into the target account, re-encrypted with its key',
    description: 'The target ends with an AMI of its own that no longer depends on your keys.',
  },
  {
    value: 'launch',
    label: 'Launch an instance in the target account',
    description:
      'Its volumes are re-encrypted with the target’s key; the launch is in the AMI’s Region.',
  },
  {
    value: 'none',
    label: 'Stop after sharing',
    description: 'The other account runs its side itself: hand it the runbook from the preview.',
  },
];

/** The AMI's keys: each gets a key policy statement for the target account. */
function BackingKeys({ row }: { readonly row: AmiRow | undefined }) {
  const keys = amiKeys(row);
  if (!row) {
    return (
      <Text size="sm" c="dimmed">
        <Loader size="xs" mr="xs" />
        Reading the AMI’s snapshots and keys…
      </Text>
    );
  }
  const managed = keys.filter((k) => k.awsManaged);
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {managed.length > 0
          ? 'Backing snapshots and their keys'
          : 'Backing snapshots and their keys — the target account gets a key policy statement on each customer managed key'}
      </Text>
      <Table withTableBorder data-testid="share-ami-keys" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Key</Table.Th>
            <Table.Th>Snapshots</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => (
            <Table.Tr key={key.keyArn}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {key.label}
                  {key.awsManaged ? ' (AWS managed — cannot be shared)' : ''}
                </Text>
                <BreakableCode>{key.keyArn}</BreakableCode>
              </Table.Td>
              <Table.Td>
                {key.snapshots.map((id) => (
                  <NowrapText key={id} size="sm">
                    {id}
                  </NowrapText>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {keys.length === 0 && (
        <Text size="sm">The AMI’s snapshots are not encrypted: no key is shared.</Text>
      )}
      {managed.length > 0 && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle />}
          p="sm"
          title="This AMI is on aws/ebs"
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
          data-testid="share-ami-aws-ebs"
        >
          {managed.flatMap((k) => k.snapshots).join(', ')} {managed.length > 1 ? 'are' : 'is'}{' '}
          encrypted with the AWS managed key aws/ebs, which no other account may use: AWS refuses to
          share the AMI as it is. Keyward first copies it in {row.region}, every snapshot
          re-encrypted with the customer managed key of yours chosen below, and shares that copy
          (the target account’s key policy statement goes on that key). The original AMI stays as it
          is, unshared.
        </Alert>
      )}
    </Stack>
  );
}

/** Which instance types fit, and what a launched instance costs until it is terminated. */
function instanceTypeHint(row: AmiRow | undefined): string {
  const fits = row
    ? `The AMI is ${row.architecture}: a type for it, such as ${row.architecture === 'arm64' ? 't4g.micro' : 't3.micro'}.`
    : 'A type for the AMI’s architecture, such as t3.micro.';
  return `${fits} The instance starts in the target’s default VPC and is billed until it is terminated (undo terminates it).`;
}

/** For an AMI on aws/ebs: the owner's key its shared copy is re-encrypted with. */
function ReencryptKey({ source, choices, onChange, problems }: ShareAmiStepProps) {
  return (
    <RegionKeySelect
      profileId={source.profileId}
      region={source.region}
      label={`Re-encrypt the copy with (your key in ${source.region})`}
      description="Customer managed keys only: aws/ebs cannot be shared with another account, and a customer managed key’s policy can let the target in."
      value={choices.reencryptKmsKeyId}
      onChange={(reencryptKmsKeyId) => onChange({ reencryptKmsKeyId })}
      error={problems.reencrypt}
      accept={(key) => key.manager === 'customer'}
    />
  );
}

/** Step 2: what the target does with the shared AMI, and what the sharing touches. */
export function ThenStep(props: ShareAmiStepProps & { readonly row: AmiRow | undefined }) {
  const { choices, onChange, problems, row } = props;
  return (
    <Stack gap="md" maw={720}>
      <Radio.Group
        label="Then, in the target account"
        value={choices.then}
        onChange={(value) => onChange({ then: value as ShareAmiThen })}
        error={problems.then}
      >
        <Stack gap="xs" mt="xs">
          {THEN_OPTIONS.map((option) => (
            <Radio
              key={option.value}
              value={option.value}
              label={option.label}
              description={option.description}
            />
          ))}
        </Stack>
      </Radio.Group>
      {choices.then === 'launch' && (
        <TextInput
          label="Instance type"
          description={instanceTypeHint(row)}
          value={choices.instanceType}
          onChange={(event) => onChange({ instanceType: event.currentTarget.value.trim() })}
          error={problems.instanceType}
          maw={520}
        />
      )}
      <BackingKeys row={row} />
      {amiKeys(row).some((k) => k.awsManaged) && <ReencryptKey {...props} />}
    </Stack>
  );
}
