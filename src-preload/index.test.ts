import { beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as [string, unknown][],
  listening: new Set<string>(),
}));
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: (channel: string, input: unknown) => {
      electron.invoked.push([channel, input]);
      return Promise.resolve({ ok: true, value: null });
    },
    on: (channel: string) => electron.listening.add(channel),
    removeListener: (channel: string) => electron.listening.delete(channel),
  },
}));

interface Bridge {
  invoke(name: string, input: unknown): Promise<unknown>;
  subscribe(topic: string, listener: (payload: unknown) => void): () => void;
}

let bridge: Bridge;
beforeAll(async () => {
  await import('./index');
  bridge = electron.exposed.get('keyward') as Bridge;
});

describe('the preload bridge', () => {
  it('sends a call on the channel computed from its name', async () => {
    await bridge.invoke('settings.get', {});
    expect(electron.invoked).toEqual([['keyward:settings.get', {}]]);
  });

  it.each(['keyward:event', '../settings.get', 'settings', 'ELECTRON_BROWSER_WINDOW_CLOSE', ''])(
    'refuses %j, which is not a call name, without touching IPC',
    async (name) => {
      electron.invoked.length = 0;
      await expect(bridge.invoke(name, {})).rejects.toThrow('Unknown call');
      expect(electron.invoked).toEqual([]);
    },
  );

  it('listens on the event channel only while subscribed', () => {
    const unsubscribe = bridge.subscribe('operation', () => undefined);
    expect([...electron.listening]).toEqual(['keyward:event']);
    unsubscribe();
    expect(electron.listening.size).toBe(0);
    expect(() => bridge.subscribe('../x', () => undefined)).toThrow('Unknown event topic');
  });
});
