import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { contract } from '../../../src-shared/contract';
import type { Dispatcher } from '../../api/dispatcher';
import type { TrustedSenders } from '../security/trusted-sender';
import { bindDispatcherToIpc } from './handle';

type Listener = (event: IpcMainInvokeEvent, input: unknown) => unknown;
const channels = vi.hoisted(() => new Map<string, Listener>());
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, listener: Listener) => channels.set(channel, listener) },
}));

function bind(trusted: boolean) {
  channels.clear();
  const calls: [string, unknown][] = [];
  const dispatcher: Dispatcher = {
    invoke: (name, input) => {
      calls.push([name, input]);
      return Promise.resolve({ ok: true, value: null });
    },
  };
  const senders = { isTrusted: () => trusted } as unknown as TrustedSenders;
  bindDispatcherToIpc(dispatcher, senders);
  return calls;
}

const event = {} as IpcMainInvokeEvent;

describe('IPC binding', () => {
  it('handles one keyward:<call> channel per contract call, and no other', () => {
    bind(true);
    expect([...channels.keys()].sort()).toEqual(
      Object.keys(contract)
        .map((name) => `keyward:${name}`)
        .sort(),
    );
  });

  it('hands a trusted call to the dispatcher under its contract name', async () => {
    const calls = bind(true);
    await channels.get('keyward:settings.set')?.(event, { theme: 'dark' });
    expect(calls).toEqual([['settings.set', { theme: 'dark' }]]);
  });

  it('answers an untrusted sender access-denied without dispatching', async () => {
    const calls = bind(false);
    expect(await channels.get('keyward:settings.get')?.(event, {})).toMatchObject({
      ok: false,
      error: { code: 'access-denied' },
    });
    expect(calls).toEqual([]);
  });
});
