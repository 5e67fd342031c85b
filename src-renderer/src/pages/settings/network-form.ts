import { useForm, schemaResolver } from '@mantine/form';
import { z } from 'zod';
import { caBundlePath, type Settings } from '../../../../src-shared/schemas/settings';

/** The Network section's fields; an empty CA path means "none" (AWS_CA_BUNDLE may still apply). */
export const networkFormSchema = z.object({
  caBundlePath: z.union([z.literal(''), caBundlePath]),
  useFipsEndpoint: z.boolean(),
  useDualstackEndpoint: z.boolean(),
});

export type NetworkFormValues = z.infer<typeof networkFormSchema>;

export function networkFormValues(settings: Settings): NetworkFormValues {
  return {
    caBundlePath: settings.caBundlePath ?? '',
    useFipsEndpoint: settings.useFipsEndpoint,
    useDualstackEndpoint: settings.useDualstackEndpoint,
  };
}

export function toNetworkPatch(values: NetworkFormValues) {
  const path = values.caBundlePath.trim();
  return {
    caBundlePath: path === '' ? null : path,
    useFipsEndpoint: values.useFipsEndpoint,
    useDualstackEndpoint: values.useDualstackEndpoint,
  };
}

export function useNetworkForm(
  initial: NetworkFormValues,
  onValuesChange?: (values: NetworkFormValues) => void,
) {
  return useForm<NetworkFormValues>({
    mode: 'uncontrolled',
    initialValues: initial,
    validate: schemaResolver(networkFormSchema, { sync: true }),
    ...(onValuesChange ? { onValuesChange } : {}),
  });
}
