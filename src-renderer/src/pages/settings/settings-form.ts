import { useForm, schemaResolver } from '@mantine/form';
import { settingsSchema, type Settings } from '../../../../src-shared/schemas/settings';

export const settingsFormSchema = settingsSchema.pick({
  theme: true,
  defaultRegions: true,
  confirmBeforeDestructive: true,
});

export type SettingsFormValues = Pick<
  Settings,
  'theme' | 'defaultRegions' | 'confirmBeforeDestructive'
>;

export function useSettingsForm(
  initial: SettingsFormValues,
  onValuesChange?: (values: SettingsFormValues) => void,
) {
  return useForm<SettingsFormValues>({
    mode: 'uncontrolled',
    initialValues: initial,
    validate: schemaResolver(settingsFormSchema, { sync: true }),
    ...(onValuesChange ? { onValuesChange } : {}),
  });
}

/** Errors of an array field arrive per item (`defaultRegions.1`); show the first on the field. */
export function arrayFieldError(
  errors: Record<string, unknown>,
  field: string,
  values: readonly string[],
): string | undefined {
  const own = errors[field];
  if (typeof own === 'string') return own;
  for (const [key, message] of Object.entries(errors)) {
    const index = key.startsWith(`${field}.`) ? Number(key.slice(field.length + 1)) : NaN;
    if (Number.isInteger(index) && typeof message === 'string') {
      return `${values[index] ?? 'A value'}: ${message}`;
    }
  }
  return undefined;
}
