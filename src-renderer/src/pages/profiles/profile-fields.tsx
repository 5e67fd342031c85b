import {
  SegmentedControl,
  Select,
  Stack,
  Text,
  type SegmentedControlProps,
  type SelectProps,
} from '@mantine/core';
import { useId } from 'react';
import { regionOptions } from './region-options';

/** AWS or the built-in sandbox: where a profile's credentials are sent. Bind with form.getInputProps('target'). */
export function TargetField({
  label,
  ...input
}: { label: string } & Omit<SegmentedControlProps, 'data'>) {
  const labelId = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={labelId}>
        {label}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        {...input}
        data={[
          { value: 'aws', label: 'AWS' },
          { value: 'sandbox', label: 'Keyward sandbox' },
        ]}
        w="fit-content"
      />
    </Stack>
  );
}

/** The profile's default region. Bind with form.getInputProps('defaultRegion'). */
export function RegionField(input: Omit<SelectProps, 'data' | 'label'>) {
  return (
    <Select
      label="Default region"
      data={regionOptions}
      searchable
      allowDeselect={false}
      {...input}
    />
  );
}
