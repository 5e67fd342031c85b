import { Button, Group, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import type { RotationStatus } from '../../../../src-shared/models/key-detail';
import type { KeyRef } from '../../../../src-shared/schemas/key-ref';
import { useApi } from '../../api/api-context';
import { useKeyChange } from './use-key-detail';

const validPeriod = (days: number) => Number.isInteger(days) && days >= 90 && days <= 2560;

/** Automatic rotation on or off, with its period (90–2560 days). */
export function RotationSettings({
  keyRef,
  rotation,
}: {
  keyRef: KeyRef;
  rotation: RotationStatus;
}) {
  const api = useApi();
  const [on, setOn] = useState(rotation.enabled);
  const [period, setPeriod] = useState<number>(rotation.periodDays ?? 365);
  const save = useKeyChange(
    keyRef,
    (next: { on: boolean; period: number }) =>
      next.on
        ? api.keys.enableRotation({ ...keyRef, periodDays: next.period })
        : api.keys.disableRotation(keyRef),
    (_, next) =>
      next.on ? `Automatic rotation on, every ${next.period} days.` : 'Automatic rotation off.',
  );
  const changed = on !== rotation.enabled || (on && period !== (rotation.periodDays ?? 365));
  return (
    <Stack gap="sm">
      <Switch
        label="Rotate automatically"
        checked={on}
        onChange={(event) => setOn(event.currentTarget.checked)}
      />
      {on && (
        <NumberInput
          label="Rotation period (days)"
          description="90 to 2560 days (AWS's default is 365)."
          min={90}
          max={2560}
          allowDecimal={false}
          value={period}
          onChange={(value) => setPeriod(typeof value === 'number' ? value : Number(value))}
          error={validPeriod(period) ? undefined : 'Between 90 and 2560 days'}
          w={240}
        />
      )}
      <Group gap="xs">
        <Button
          size="xs"
          disabled={!changed || (on && !validPeriod(period))}
          loading={save.isPending}
          onClick={() => save.mutate({ on, period })}
        >
          Save rotation
        </Button>
        {!on && rotation.enabled && (
          <Text size="xs" c="dimmed">
            Turning it off keeps the existing key material; nothing is lost.
          </Text>
        )}
      </Group>
    </Stack>
  );
}
