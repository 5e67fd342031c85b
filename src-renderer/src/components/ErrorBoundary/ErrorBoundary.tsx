import { Button, Card, Code, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { CopyDetailsButton } from '../CopyButton/CopyDetailsButton';

interface State {
  readonly error: Error | null;
  readonly componentStack: string;
}

/** Catches a rendering bug in one page so the shell (and unsaved work elsewhere) survives. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null, componentStack: '' };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.setState({ error, componentStack: info.componentStack ?? '' });
  }

  override componentDidUpdate(previous: { resetKey?: string }): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey) {
      this.setState({ error: null, componentStack: '' });
    }
  }

  private details(): string {
    const { error, componentStack } = this.state;
    return [
      `time: ${new Date().toISOString()}`,
      `page: ${window.location.hash || '/'}`,
      `error: ${error?.name}: ${error?.message}`,
      error?.stack ?? '',
      componentStack,
    ].join('\n');
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Card withBorder padding="xl" radius="lg" maw={760} mx="auto" mt="xl" role="alert">
        <Stack>
          <Title order={2} size="h3">
            This page stopped working
          </Title>
          <Text>
            Keyward hit a bug while showing this page. Nothing was changed in AWS by the failure.
            Copy the details for a bug report, then reload the page or pick another one from the
            navigation.
          </Text>
          <Code block>{`${error.name}: ${error.message}`}</Code>
          <ScrollArea.Autosize mah={160}>
            <Code block fz="xs">
              {this.state.componentStack.trim()}
            </Code>
          </ScrollArea.Autosize>
          <Group>
            <CopyDetailsButton details={this.details()} />
            <Button size="xs" onClick={() => window.location.reload()}>
              Reload
            </Button>
          </Group>
        </Stack>
      </Card>
    );
  }
}
