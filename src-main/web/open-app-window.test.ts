import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventBus } from '../operations/event-bus';
import { LAUNCH_CODE_TTL_MS } from './launch-codes';
import { openAppWindow } from './open-app-window';
import { exchangeLaunchCode, launchCodeOf } from './testing/send-request';
import { startWebHost, type WebHost } from './web-host';

let dir: string;
let host: WebHost;
let clock = Date.UTC(2030, 0, 1);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyward-window-'));
  host = await startWebHost({
    dispatcher: { invoke: async () => ({ ok: true, value: null }) },
    events: createEventBus(),
    rendererDir: dir,
    now: () => clock,
  });
});

afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

/** Opens the window with a recording spawner on a machine that has Chromium and a display. */
function openRecorded(): { command: string; args: readonly string[] }[] {
  const calls: { command: string; args: readonly string[] }[] = [];
  const whyNot = openAppWindow(host, dir, {
    chromium: '/usr/bin/chromium',
    env: { DISPLAY: ':0' },
    spawn: (command, args) => {
      calls.push({ command, args });
      return { unref: () => undefined };
    },
  });
  expect(whyNot).toBeUndefined();
  return calls;
}

const appUrlOf = (args: readonly string[]) =>
  args.find((arg) => arg.startsWith('--app='))?.slice('--app='.length) ?? '';

describe('the app window of browser mode', () => {
  it('gets a single-use launch code on its command line, never the session token', async () => {
    const [call] = openRecorded();
    expect(call?.command).toBe('/usr/bin/chromium');
    const args = call?.args ?? [];
    expect(args.join(' ')).not.toContain(host.token);
    const url = appUrlOf(args);
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#launch=`));

    const first = await exchangeLaunchCode(host.port, launchCodeOf(url));
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ token: host.token });
    expect((await exchangeLaunchCode(host.port, launchCodeOf(url))).status).toBe(410);
  });

  it('gets a code that is refused once it has expired', async () => {
    const url = appUrlOf(openRecorded()[0]?.args ?? []);
    clock += LAUNCH_CODE_TTL_MS;
    expect((await exchangeLaunchCode(host.port, launchCodeOf(url))).status).toBe(410);
  });

  it('says why when it cannot open a window', () => {
    const spawn = () => {
      throw new Error('nothing should be started');
    };
    expect(openAppWindow(host, dir, { chromium: undefined, env: { DISPLAY: ':0' }, spawn })).toBe(
      'Chromium was not found; open the address above in a browser.',
    );
  });
});
