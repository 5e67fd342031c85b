import { Fieldset, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import type { MaterialDraft } from './material-draft';

export interface ImportedMaterialFieldsProps {
  readonly value: MaterialDraft;
  readonly onChange: (patch: Partial<MaterialDraft>) => void;
  readonly problems: Readonly<Record<string, string>>;
  readonly legend?: string;
}

/** Imported key material: generated here or read from a file, and its expiry (BYOK). */
export function ImportedMaterialFields({
  value,
  onChange,
  problems,
  legend = 'Imported key material',
}: ImportedMaterialFieldsProps) {
  return (
    <Fieldset legend={legend}>
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          Keyward fetches the wrapping key, wraps 256 bits of material with RSA-OAEP and imports it.
          The unwrapped material never touches disk.
        </Text>
        <Radio.Group
          label="Material"
          value={value.materialSource}
          onChange={(source) =>
            onChange({ materialSource: source === 'file' ? 'file' : 'generate' })
          }
        >
          <Group mt="xs">
            <Radio value="generate" label="Generate it here" />
            <Radio value="file" label="Read it from a file" />
          </Group>
        </Radio.Group>
        {value.materialSource === 'file' && (
          <TextInput
            label="File path"
            description="A file of exactly 32 bytes, read by Keyward on this computer"
            value={value.materialPath}
            onChange={(e) => onChange({ materialPath: e.currentTarget.value })}
            error={problems['materialPath']}
          />
        )}
        <Radio.Group
          label="Expiry"
          value={value.materialExpires ? 'expires' : 'never'}
          onChange={(expiry) => onChange({ materialExpires: expiry === 'expires' })}
        >
          <Group mt="xs">
            <Radio value="never" label="Does not expire" />
            <Radio value="expires" label="Expires on a date" />
          </Group>
        </Radio.Group>
        {value.materialExpires && (
          <TextInput
            type="date"
            label="Expires at the end of (UTC)"
            value={value.validTo}
            onChange={(e) => onChange({ validTo: e.currentTarget.value })}
            error={problems['validTo']}
          />
        )}
      </Stack>
    </Fieldset>
  );
}
