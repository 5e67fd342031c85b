import '@mantine/core/styles.css';
import { Card, Code, MantineProvider, Stack, Text, Title } from '@mantine/core';
import { theme } from './theme';

/** Shown when the page was opened without the per-launch token (for example from history). */
export function NoSession() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Card withBorder maw={640} mx="auto" mt={80} padding="xl" radius="lg">
        <Stack>
          <Title order={1} size="h3">
            This page needs the address Keyward printed
          </Title>
          <Text>
            In browser mode, Keyward accepts only the page it opened itself: the address it printed
            at start carries a one-time session token. Open that address again, or restart Keyward
            with <Code>npm start</Code>.
          </Text>
        </Stack>
      </Card>
    </MantineProvider>
  );
}
