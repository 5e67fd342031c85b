import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveBridge, type ResolvedBridge } from './api/bridge';
import { App } from './App';
import { HostGate } from './HostGate';
import { NoSession } from './NoSession';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

function page(resolved: ResolvedBridge): ReactNode {
  if (!resolved.bridge) return <NoSession why={resolved.why} />;
  const app = <App bridge={resolved.bridge} />;
  return resolved.hostStatus ? <HostGate status={resolved.hostStatus}>{app}</HostGate> : app;
}

void resolveBridge().then((resolved) => root.render(<StrictMode>{page(resolved)}</StrictMode>));
