import { useSyncExternalStore, type ReactNode } from 'react';
import type { HostStatus } from './api/host-status';
import { NoSession } from './NoSession';

/**
 * Browser mode: the app while the host this tab came from runs; once that Keyward was restarted
 * or stopped, a page that says so and how to reach the current one, instead of failing calls.
 */
export function HostGate({ status, children }: { status: HostStatus; children: ReactNode }) {
  const state = useSyncExternalStore(status.subscribe, status.state);
  if (state === 'running') return children;
  return <NoSession why={state === 'restarted' ? 'host-restarted' : 'host-gone'} />;
}
