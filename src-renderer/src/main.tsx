import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveBridge } from './api/bridge';
import { App } from './App';
import { NoSession } from './NoSession';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);
const bridge = resolveBridge();
root.render(<StrictMode>{bridge ? <App bridge={bridge} /> : <NoSession />}</StrictMode>);
