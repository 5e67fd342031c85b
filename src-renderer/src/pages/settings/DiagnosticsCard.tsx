import { Button, Card, Group, List, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconStethoscope, IconX } from '@tabler/icons-react';
import type { DiagnosticCheck } from '../../../../src-shared/models/diagnostics';
import { useOperation } from '../../api/use-operation';
import { usePaletteActions } from '../../components/CommandPalette/use-palette-actions';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';

const outcomeIcon = {
  pass: { color: 'teal', icon: IconCheck },
  warn: { color: 'yellow', icon: IconAlertTriangle },
  fail: { color: 'red', icon: IconX },
} as const;

function CheckRow({ check }: { check: DiagnosticCheck }) {
  const { color, icon: Icon } = outcomeIcon[check.outcome];
  return (
    <List.Item
      icon={
        <ThemeIcon color={color} size={22} radius="xl" aria-label={check.outcome}>
          <Icon size={14} />
        </ThemeIcon>
      }
    >
      <Text size="sm" fw={600}>
        {check.title}
      </Text>
      <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
        {check.detail}
      </Text>
    </List.Item>
  );
}

export function DiagnosticsCard() {
  const { state, start, cancel } = useOperation('diagnostics.run');
  const running = state.status === 'running';
  usePaletteActions([
    {
      id: 'diagnostics',
      label: 'Run diagnostics',
      description: 'Check the data directory, the network to AWS and the OS keychain',
      icon: IconStethoscope,
      keywords: ['health', 'keychain', 'check'],
      run: () => {
        document.getElementById('diagnostics')?.scrollIntoView();
        if (!running) void start({});
      },
    },
  ]);
  return (
    <Card withBorder padding="lg" radius="lg" id="diagnostics" aria-labelledby="diagnostics-title">
      <Stack>
        <Group justify="space-between">
          <div>
            <Title order={2} size="h4" id="diagnostics-title">
              Diagnostics
            </Title>
            <Text size="sm" c="dimmed">
              Checks the data directory, free space, the settings file, the network to AWS and the
              credential store in use (OS keychain or encrypted file).
            </Text>
          </div>
          <Group>
            {running && (
              <Button variant="default" onClick={() => void cancel()}>
                Cancel
              </Button>
            )}
            <Button onClick={() => void start({})} loading={running}>
              Run diagnostics
            </Button>
          </Group>
        </Group>
        {running && (
          <Stack gap={4} aria-live="polite">
            <Progress value={(state.value ?? 0) * 100} animated aria-label="Diagnostics progress" />
            <Text size="xs" c="dimmed">
              {state.title
                ? `Step ${(state.step ?? 0) + 1} of ${state.stepCount}: ${state.title}`
                : 'Starting…'}
            </Text>
          </Stack>
        )}
        {state.status === 'done' && (
          <List spacing="sm" center data-testid="diagnostics-results">
            {state.result.checks.map((check) => (
              <CheckRow key={check.id} check={check} />
            ))}
          </List>
        )}
        {state.status === 'failed' && <ErrorAlert error={state.error} />}
      </Stack>
    </Card>
  );
}
