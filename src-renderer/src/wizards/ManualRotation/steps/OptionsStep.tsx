import { Alert, Checkbox, NumberInput, Stack, Switch, Text } from '@mantine/core';
import type { KeyMetadata } from '../../../../../src-shared/models/key-metadata';
import { ImportedMaterialFields } from '../../shared/ImportedMaterialFields';
import type { RotationChoices } from '../rotation-plan';

export interface OptionsStepProps {
  readonly metadata: KeyMetadata;
  readonly aliases: readonly string[];
  readonly choices: RotationChoices;
  readonly onChange: (patch: Partial<RotationChoices>) => void;
  readonly problems: Readonly<Record<string, string>>;
}

/** Step 2: which aliases move, the new key's material (imported keys), the old key's deletion. */
export function OptionsStep({ metadata, aliases, choices, onChange, problems }: OptionsStepProps) {
  return (
    <Stack gap="lg">
      {aliases.length > 0 ? (
        <Checkbox.Group
          label="Aliases to re-point to the new key"
          description="Applications that use these aliases get the new key for new work"
          value={[...choices.aliases]}
          onChange={(value) => onChange({ aliases: value })}
        >
          <Stack gap={6} mt="xs">
            {aliases.map((alias) => (
              <Checkbox key={alias} value={alias} label={alias} />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : (
        <Alert variant="light" color="gray" title="No aliases">
          The key has no alias, so applications name it by id: after the rotation they have to be
          changed to the new key id. Add an alias first (Aliases tab) to make the next rotation
          painless.
        </Alert>
      )}
      {metadata.origin === 'EXTERNAL' && (
        <ImportedMaterialFields
          legend="The new key’s imported material"
          value={choices.material}
          onChange={(patch) => onChange({ material: { ...choices.material, ...patch } })}
          problems={problems}
        />
      )}
      <Stack gap="xs">
        <Switch
          label="Also schedule the old key’s deletion"
          description="Off: the old key stays enabled, so data it encrypted keeps decrypting"
          checked={choices.scheduleDeletion}
          onChange={(e) => onChange({ scheduleDeletion: e.currentTarget.checked })}
        />
        {choices.scheduleDeletion ? (
          <>
            <NumberInput
              label="Delete the old key after (days)"
              description="7–30; the deletion can be cancelled until then"
              min={7}
              max={30}
              clampBehavior="strict"
              value={choices.deletionDays}
              onChange={(value) => onChange({ deletionDays: Number(value) || 0 })}
              error={problems['deletionDays']}
              w={260}
            />
            <Alert
              color="red"
              variant="light"
              title="Deleting the old key"
              data-testid="deletion-warning"
            >
              Once the old key is deleted, everything encrypted under it becomes unreadable for
              good, and its signatures can no longer be verified through KMS. While deletion is
              pending the key cannot be used at all. Schedule it only when nothing depends on the
              old key any more.
            </Alert>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            The old key stays enabled (it keeps costing its monthly fee); schedule its deletion
            later from its page once nothing needs it.
          </Text>
        )}
      </Stack>
    </Stack>
  );
}
