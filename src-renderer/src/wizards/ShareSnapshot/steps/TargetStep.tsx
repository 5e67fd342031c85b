import { Alert, Checkbox, Select, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useRegions } from '../../../api/queries';
import { RegionKeySelect } from '../../workflow/RegionKeySelect';
import type { ShareChoices, ShareFacts, ShareSource } from '../share-snapshot-form';

export interface ShareStepProps {
  readonly source: ShareSource;
  readonly choices: ShareChoices;
  readonly facts: ShareFacts;
  readonly onChange: (patch: Partial<ShareChoices>) => void;
  readonly problems: Readonly<Record<string, string>>;
}

/** Step 1: the other account (a profile of it), where its copy goes and the key it uses there. */
export function TargetStep({ source, choices, facts, onChange, problems }: ShareStepProps) {
  const { data: regions = [] } = useRegions();
  const profileOptions = facts.profiles
    .filter((p) => p.id !== source.profileId)
    .map((p) => ({
      value: p.id,
      label: `${p.name} — account ${p.accountId ?? 'not verified yet'}`,
      disabled: p.accountId !== null && p.accountId === facts.ownerAccount,
    }));
  return (
    <Stack gap="md" maw={680}>
      <Text size="sm">
        Share <strong>{source.snapshotId}</strong> ({source.region}) of profile{' '}
        <strong>
          {facts.profiles.find((p) => p.id === source.profileId)?.name ?? source.profileId}
        </strong>
        {facts.ownerAccount ? ` (account ${facts.ownerAccount})` : ''} with another account.
      </Text>
      <Select
        label="Target profile"
        description="A profile of the account to share with; profiles of the snapshot’s own account are greyed out."
        placeholder="Choose a profile"
        data={profileOptions}
        value={choices.targetProfileId || null}
        onChange={(value) =>
          onChange({ targetProfileId: value ?? '', targetKmsKeyId: '', volumeAvailabilityZone: '' })
        }
        error={problems.profile}
        searchable
      />
      <Select
        label="Target Region"
        description="Where the other account keeps its copy."
        data={regions.map((r) => ({ value: r.code, label: `${r.code} — ${r.name}` }))}
        value={choices.targetRegion || null}
        onChange={(value) =>
          onChange({ targetRegion: value ?? '', targetKmsKeyId: '', volumeAvailabilityZone: '' })
        }
        error={problems.region}
        searchable
      />
      <RegionKeySelect
        profileId={choices.targetProfileId}
        region={choices.targetRegion}
        label="Target key"
        description="The other account’s own key in that Region: its copy is re-encrypted with it, so it no longer depends on yours."
        value={choices.targetKmsKeyId}
        onChange={(targetKmsKeyId) => onChange({ targetKmsKeyId })}
        error={problems.key}
      />
      <Checkbox
        label="Limit to EC2 (kms:ViaService)"
        description={`The other account may use your key only through EC2 in ${source.region}, not directly.`}
        checked={choices.viaEc2Only}
        onChange={(event) => onChange({ viaEc2Only: event.currentTarget.checked })}
      />
      <Checkbox
        label="Stop after sharing — the other account runs its side"
        description="Keyward changes only your account; you get the other account’s steps as a script to hand over."
        checked={choices.stopAfterShare}
        onChange={(event) => onChange({ stopAfterShare: event.currentTarget.checked })}
      />
      <Alert variant="light" color="blue" icon={<IconInfoCircle />} p="sm">
        Two sides must allow the copy: your key policy (Keyward adds a statement for the other
        account) and the target profile’s own IAM policies (kms:DescribeKey, kms:Decrypt,
        kms:ReEncrypt*, kms:CreateGrant on your key). Preflight reads the target’s IAM policies and,
        when they fall short, offers to add an inline policy before anything else runs.
      </Alert>
    </Stack>
  );
}
