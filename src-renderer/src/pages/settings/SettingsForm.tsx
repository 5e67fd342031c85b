import {
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Switch,
  TagsInput,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { knownRegions } from '../../../../src-shared/schemas/regions';
import type { Settings } from '../../../../src-shared/schemas/settings';
import { presentError } from '../../api/present-error';
import { useUpdateSettings } from '../../api/queries';
import { arrayFieldError, useSettingsForm, type SettingsFormValues } from './settings-form';

const regionSuggestions = knownRegions.map((region) => region.code);

export function SettingsForm({ settings }: { settings: Settings }) {
  const update = useUpdateSettings();
  const form = useSettingsForm({
    theme: settings.theme,
    defaultRegions: settings.defaultRegions,
    confirmBeforeDestructive: settings.confirmBeforeDestructive,
  });

  const save = async (values: SettingsFormValues) => {
    try {
      const saved = await update.mutateAsync(values);
      form.setInitialValues({
        theme: saved.theme,
        defaultRegions: saved.defaultRegions,
        confirmBeforeDestructive: saved.confirmBeforeDestructive,
      });
      form.resetDirty();
      notifications.show({
        color: 'teal',
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
          <Text fw={500} size="sm" id="theme-label">
            Theme
          </Text>
          <SegmentedControl
            aria-labelledby="theme-label"
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
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={update.isPending}
            leftSection={<IconDeviceFloppy size={16} />}
          >
            Save settings
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
