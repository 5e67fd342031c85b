import '@mantine/core/styles.css';
import { Card, Code, MantineProvider, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { theme } from './theme';

const npmStart = <Code>npm start</Code>;

export type NoSessionReason = 'no-session' | 'launch-refused' | 'host-restarted' | 'host-gone';

const explanations: Readonly<Record<NoSessionReason, { title: string; body: ReactNode }>> = {
  'no-session': {
    title: 'This page needs the address Keyward printed',
    body: (
      <>
        In browser mode, Keyward accepts only the page it opened itself: the address it printed at
        start carries a session token. Open that address again, or restart Keyward with {npmStart}.
      </>
    ),
  },
  'launch-refused': {
    title: 'This launch link was already used or has expired',
    body: (
      <>
        The link Keyward opens its window with works once, within a minute of start. Open the
        address Keyward printed in its terminal instead, or restart Keyward with {npmStart}.
      </>
    ),
  },
  'host-restarted': {
    title: 'This window belongs to a Keyward that was restarted',
    body: (
      <>
        Keyward was started again, and every start has a new session, so this tab can no longer talk
        to it. Use the window the new Keyward opened, or open the link that {npmStart} printed in
        its terminal (“Keyward is running in browser mode at …”). You can close this tab.
      </>
    ),
  },
  'host-gone': {
    title: 'This window belongs to a Keyward that is no longer running',
    body: (
      <>
        The Keyward this tab was opened from has stopped. Start it again with {npmStart}: it opens a
        new window, and prints a link to it in its terminal (“Keyward is running in browser mode at
        …”). If it is already running again, open that link. You can close this tab.
      </>
    ),
  },
};

/**
 * Shown instead of the app when this tab has no session: opened bare (for example from history)
 * or too late, or left over from a Keyward that was restarted or stopped.
 */
export function NoSession({ why }: { why: NoSessionReason }) {
  const { title, body } = explanations[why];
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Card withBorder maw={640} mx="auto" mt={80} padding="xl" radius="lg">
        <Stack>
          <Title order={1} size="h3">
            {title}
          </Title>
          <Text>{body}</Text>
        </Stack>
      </Card>
    </MantineProvider>
  );
}
