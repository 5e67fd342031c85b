import {
  Card,
  Group,
  SegmentedControl,
  Stack,
  Switch,
  TagsInput,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { knownRegions } from '../../../../src-shared/schemas/regions';
import type { Settings } from '../../../../src-shared/schemas/settings';
import { presentError } from '../../api/present-error';
import { useUpdateSettings } from '../../api/queries';
import { notifySuccess } from '../../components/notify/notify';
import { StatusBadge } from '../../components/StatusBadge/StatusBadge';
import { SaveFooter } from '../../components/UnsavedChanges/SaveFooter';
import { useDirtyTracker } from '../../components/UnsavedChanges/use-dirty-tracker';
import { useUnsavedChangesGuard } from '../../components/UnsavedChanges/use-unsaved-changes-guard';
import { themePreview } from '../../theme-preview';
import { arrayFieldError, useSettingsForm, type SettingsFormValues } from './settings-form';

const regionSuggestions = knownRegions.map((region) => region.code);

const themeLabel = { system: 'Follow the OS', light: 'Light', dark: 'Dark' } as const;

/**
 * Settings → General. The theme previews as it is chosen (the window shows it at once); Save
 * keeps it, and leaving Settings without saving goes back to the saved theme. Leaving with any
 * unsaved change asks first (useUnsavedChangesGuard).
 */
export function SettingsForm({ settings }: { settings: Settings }) {
  const update = useUpdateSettings();
  const initial: SettingsFormValues = {
    theme: settings.theme,
    defaultRegions: settings.defaultRegions,
    confirmBeforeDestructive: settings.confirmBeforeDestructive,
  };
  const { dirty, onValuesChange, markSaved, savedValues } = useDirtyTracker(initial);
  const [previewing, setPreviewing] = useState(false);
  const form = useSettingsForm(initial, (values) => {
    onValuesChange(values);
    const preview = values.theme !== savedValues().theme;
    setPreviewing(preview);
    themePreview.set(preview ? values.theme : null);
  });
  useUnsavedChangesGuard(dirty);
  // Leaving without saving puts the saved theme back.
  useEffect(() => () => themePreview.set(null), []);

  const save = async (values: SettingsFormValues) => {
    try {
      const saved = await update.mutateAsync(values);
      const now: SettingsFormValues = {
        theme: saved.theme,
        defaultRegions: saved.defaultRegions,
        confirmBeforeDestructive: saved.confirmBeforeDestructive,
      };
      form.setInitialValues(now);
      form.resetDirty();
      markSaved(now);
      setPreviewing(false);
      themePreview.set(null);
      notifySuccess({
        title: 'Settings saved',
        message: 'Your choices are stored in the data directory.',
      });
    } catch (error) {
      presentError(error, { form });
    }
  };

  const regionsError = arrayFieldError(
    form.errors,
    'defaultRegions',
    form.getValues().defaultRegions,
  );

  return (
    <Card
      withBorder
      padding="lg"
      radius="lg"
      component="form"
      onSubmit={form.onSubmit(save)}
      aria-labelledby="settings-general"
    >
      <Stack gap="lg">
        <Title order={2} size="h4" id="settings-general">
          General
        </Title>
        <Stack gap={6}>
          <Group gap="xs">
            <Text fw={500} size="sm" id="theme-label">
              Theme
            </Text>
            {previewing && (
              <StatusBadge tone="neutral" data-testid="theme-preview-badge">
                Preview
              </StatusBadge>
            )}
          </Group>
          <Text size="xs" c="dimmed" id="theme-description">
            Shows at once. Save settings to keep it; leaving without saving goes back to “
            {themeLabel[settings.theme]}”.
          </Text>
          <SegmentedControl
            aria-labelledby="theme-label"
            aria-describedby="theme-description"
            key={form.key('theme')}
            {...form.getInputProps('theme')}
            data={[
              { value: 'system', label: 'Follow the OS' },
              { value: 'light', label: 'Light' },
              { value: 'dark', label: 'Dark' },
            ]}
            w="fit-content"
          />
        </Stack>
        <TagsInput
          label="Default regions"
          description="Pages list resources in these regions. Type a region code and press Enter; new AWS regions are accepted too."
          key={form.key('defaultRegions')}
          {...form.getInputProps('defaultRegions')}
          error={regionsError}
          data={regionSuggestions}
          clearable
          acceptValueOnBlur
          splitChars={[',', ' ']}
          maw={640}
        />
        <Switch
          label="Confirm before destructive actions"
          description="Ask for typed confirmation before disabling keys, scheduling deletion or removing permissions."
          key={form.key('confirmBeforeDestructive')}
          {...form.getInputProps('confirmBeforeDestructive', { type: 'checkbox' })}
        />
        <SaveFooter dirty={dirty} busy={update.isPending} label="Save settings" />
      </Stack>
    </Card>
  );
}
