import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHostStatus, type HostStatus } from './api/host-status';
import { HostGate } from './HostGate';

let status: HostStatus;
afterEach(() => {
  status.dispose();
  vi.useRealTimers();
});

describe('HostGate', () => {
  it('shows the app while the host runs, and the restarted page once it refuses the token', () => {
    status = createHostStatus({ probe: async () => 'ok' });
    render(
      <HostGate status={status}>
        <p>the app</p>
      </HostGate>,
    );
    expect(screen.getByText('the app')).toBeInTheDocument();
    act(() => status.report('refused'));
    expect(screen.queryByText('the app')).not.toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'This window belongs to a Keyward that was restarted' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/printed in its terminal/)).toHaveTextContent('npm start');
  });

  it('shows the no-longer-running page once the host stayed away', async () => {
    vi.useFakeTimers();
    status = createHostStatus({ probe: async () => 'unreachable' });
    render(
      <HostGate status={status}>
        <p>the app</p>
      </HostGate>,
    );
    act(() => status.report('unreachable'));
    await act(() => vi.advanceTimersByTimeAsync(3000));
    expect(
      screen.getByRole('heading', {
        name: 'This window belongs to a Keyward that is no longer running',
      }),
    ).toBeInTheDocument();
  });
});
