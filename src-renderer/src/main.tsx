import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveBridge } from './api/bridge';
import { App } from './App';
import { NoSession } from './NoSession';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);
void resolveBridge().then((resolved) =>
  root.render(
    <StrictMode>
      {resolved.bridge ? <App bridge={resolved.bridge} /> : <NoSession why={resolved.why} />}
    </StrictMode>,
  ),
);
