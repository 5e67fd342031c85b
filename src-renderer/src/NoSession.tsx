import '@mantine/core/styles.css';
import { Card, Code, MantineProvider, Stack, Text, Title } from '@mantine/core';
import { theme } from './theme';

const explanations = {
  'no-session': {
    title: 'This page needs the address Keyward printed',
    body: 'In browser mode, Keyward accepts only the page it opened itself: the address it printed at start carries a session token. Open that address again, or restart Keyward with',
  },
  'launch-refused': {
    title: 'This launch link was already used or has expired',
    body: 'The link Keyward opens its window with works once, within a minute of start. Open the address Keyward printed in its terminal instead, or restart Keyward with',
  },
} as const;

/** Shown when the page has no session: opened bare (for example from history), or too late. */
export function NoSession({ why }: { why: keyof typeof explanations }) {
  const { title, body } = explanations[why];
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Card withBorder maw={640} mx="auto" mt={80} padding="xl" radius="lg">
        <Stack>
          <Title order={1} size="h3">
            {title}
          </Title>
          <Text>
            {body} <Code>npm start</Code>.
          </Text>
        </Stack>
      </Card>
    </MantineProvider>
  );
}
