// Entry of browser mode: the same main-process code as the Electron window, served to a page on
// 127.0.0.1. Lifecycle only; the host is in web/.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createKeywardApp } from './app/create-app';
import { defaultDataDir } from './app/data-dir';
import { openAppWindow, openUrlInBrowser } from './web/open-app-window';
import { startWebHost } from './web/web-host';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    'no-open': { type: 'boolean', default: false },
  },
  strict: true,
});

const dataDir = values['data-dir'] ?? defaultDataDir();
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}

const app = createKeywardApp({
  dataDir,
  host: { host: 'browser', versions: { node: process.versions.node } },
  // --no-open (tests, headless): nothing is launched; the page shows the sign-in link instead.
  ...(values['no-open'] ? {} : { openUrl: (url: string) => openUrlInBrowser(url, dataDir) }),
});
const host = await startWebHost({
  dispatcher: app.dispatcher,
  events: app.events,
  rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
  port,
});

// The printed sign-in link carries the token itself: stdout reaches only this user's terminal
// (unlike argv), and the link must keep working for a tab opened later or reopened.
console.log(`Keyward is running in browser mode at ${host.url}`);
console.log(`Data directory: ${dataDir}`);
if (!values['no-open']) {
  const whyNot = openAppWindow(host, dataDir);
  if (whyNot) console.log(whyNot);
}

async function shutdown(): Promise<void> {
  await app.close();
  await host.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
