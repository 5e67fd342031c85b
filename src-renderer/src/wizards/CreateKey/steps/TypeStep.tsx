import { Group, MultiSelect, Radio, Select, Stack, Switch } from '@mantine/core';
import { ImportedMaterialFields } from '../../shared/ImportedMaterialFields';
import {
  kindSpecs,
  kindUsages,
  withKind,
  type CreateKeyDraft,
  type KeyKind,
  type KeySpec,
  type KeyUsage,
} from '../create-key-form';
import type { StepProblems } from '../step-checks';

export interface StepProps {
  readonly draft: CreateKeyDraft;
  readonly onChange: (draft: CreateKeyDraft) => void;
  readonly problems: StepProblems;
}

const kinds: readonly { value: KeyKind; label: string; hint: string }[] = [
  {
    value: 'symmetric',
    label: 'Symmetric',
    hint: 'Encrypt and decrypt (AES-256-GCM); what AWS services use',
  },
  {
    value: 'rsa',
    label: 'Asymmetric RSA',
    hint: 'Encrypt or sign; the public key can be downloaded',
  },
  { value: 'ecc', label: 'Asymmetric ECC', hint: 'Sign and verify' },
  { value: 'hmac', label: 'HMAC', hint: 'Generate and verify MACs' },
];

const usageLabels: Readonly<Record<KeyUsage, string>> = {
  ENCRYPT_DECRYPT: 'Encrypt and decrypt',
  SIGN_VERIFY: 'Sign and verify',
  GENERATE_VERIFY_MAC: 'Generate and verify MAC',
};

export interface TypeStepProps extends StepProps {
  readonly regions: readonly { value: string; label: string }[];
}

/** Step 1: type and usage, key spec, origin (with imported material), Regions. */
export function TypeStep({ draft, onChange, problems, regions }: TypeStepProps) {
  const set = (patch: Partial<CreateKeyDraft>) => onChange({ ...draft, ...patch });
  return (
    <Stack gap="md">
      <Radio.Group
        label="Key type"
        value={draft.kind}
        onChange={(value) => onChange(withKind(draft, value as KeyKind))}
      >
        <Stack gap="xs" mt="xs">
          {kinds.map((kind) => (
            <Radio key={kind.value} value={kind.value} label={kind.label} description={kind.hint} />
          ))}
        </Stack>
      </Radio.Group>
      <Group grow align="flex-start">
        <Select
          label="Key spec"
          data={kindSpecs[draft.kind].map((spec) => ({ value: spec, label: spec }))}
          value={draft.keySpec}
          allowDeselect={false}
          onChange={(value) => value && set({ keySpec: value as KeySpec })}
        />
        <Select
          label="Key usage"
          data={kindUsages[draft.kind].map((usage) => ({
            value: usage,
            label: usageLabels[usage],
          }))}
          value={draft.keyUsage}
          allowDeselect={false}
          disabled={kindUsages[draft.kind].length < 2}
          onChange={(value) => value && set({ keyUsage: value as KeyUsage })}
        />
      </Group>
      <Radio.Group
        label="Key material origin"
        description={
          draft.kind === 'symmetric'
            ? undefined
            : 'Keyward imports material into symmetric keys only'
        }
        value={draft.origin}
        onChange={(value) => set({ origin: value === 'EXTERNAL' ? 'EXTERNAL' : 'AWS_KMS' })}
      >
        <Group mt="xs">
          <Radio value="AWS_KMS" label="KMS generates it" />
          <Radio
            value="EXTERNAL"
            label="Imported (bring your own key)"
            disabled={draft.kind !== 'symmetric'}
          />
        </Group>
      </Radio.Group>
      {draft.origin === 'EXTERNAL' && (
        <ImportedMaterialFields value={draft} onChange={set} problems={problems} />
      )}
      <Switch
        label="Multi-Region key"
        description="Replicas in other Regions share its key material and key id"
        checked={draft.multiRegion}
        onChange={(e) =>
          set({
            multiRegion: e.currentTarget.checked,
            replicaRegions: e.currentTarget.checked ? draft.replicaRegions : [],
          })
        }
      />
      {draft.multiRegion && (
        <MultiSelect
          label="Replica Regions"
          description="Optional: replicas can also be added later from the key"
          data={regions.filter((r) => r.value !== draft.region)}
          value={[...draft.replicaRegions]}
          onChange={(value) => set({ replicaRegions: value })}
          searchable
          error={problems['replicaRegions']}
        />
      )}
    </Stack>
  );
}
