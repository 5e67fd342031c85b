import { Loader, NumberInput, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { KeyRef } from '../../../../src-shared/schemas/key-ref';
import { useApi } from '../../api/api-context';
import { toSerialized } from '../../api/present-error';
import { ConfirmDestructive } from '../../components/ConfirmDestructive/ConfirmDestructive';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { DeletionImpactReport } from './DeletionImpactReport';
import { useKeyChange, useUsageScope } from './use-key-detail';

interface Props {
  readonly opened: boolean;
  readonly keyRef: KeyRef;
  /** What the user types to confirm: the key's alias, else its id. */
  readonly confirmWord: string;
  onClose(): void;
}

const validWindow = (days: number) => Number.isInteger(days) && days >= 7 && days <= 30;

/** Schedule deletion: the impact report first, a 7–30 day window, then a typed confirmation. */
export function ScheduleDeletionDialog({ opened, keyRef, confirmWord, onClose }: Props) {
  const api = useApi();
  const scope = useUsageScope(keyRef);
  const [days, setDays] = useState<number>(30);
  const impact = useQuery({
    queryKey: ['keys.deletionImpact', keyRef, scope] as const,
    queryFn: () => api.keys.deletionImpact({ ...keyRef, scope }),
    enabled: opened,
    staleTime: 0,
  });
  const schedule = useKeyChange(
    keyRef,
    (pendingWindowInDays: number) => api.keys.scheduleDeletion({ ...keyRef, pendingWindowInDays }),
    (result) => result.message,
  );
  return (
    <ConfirmDestructive
      opened={opened}
      title="Schedule this key’s deletion?"
      confirmLabel="Schedule deletion"
      typeToConfirm={confirmWord}
      busy={schedule.isPending}
      blocked={!impact.data || !validWindow(days)}
      onCancel={onClose}
      onConfirm={() => schedule.mutate(days, { onSuccess: onClose })}
    >
      <Stack gap="md">
        <Text size="sm">
          After the waiting period AWS deletes the key and its material for good: whatever is
          encrypted under it can never be decrypted again, by anyone. Until then the key cannot be
          used, and the deletion can be cancelled.
        </Text>
        <NumberInput
          label="Waiting period (days)"
          description="7 to 30 days; AWS deletes the key when it ends."
          min={7}
          max={30}
          clampBehavior="strict"
          allowDecimal={false}
          value={days}
          onChange={(value) => setDays(typeof value === 'number' ? value : Number(value))}
          error={validWindow(days) ? undefined : 'Between 7 and 30 days'}
          w={300}
        />
        {impact.isPending && <Loader size="sm" aria-label="Reading the impact report" />}
        {impact.isError && <ErrorAlert error={toSerialized(impact.error)} />}
        {impact.data && <DeletionImpactReport impact={impact.data} />}
      </Stack>
    </ConfirmDestructive>
  );
}
