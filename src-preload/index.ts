// The whole bridge between the sandboxed page and main: invoke(name, input) and
// subscribe(topic, fn) on window.keyward. No business logic, no Node, no zod.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  CALL_NAME_SHAPE,
  EVENT_CHANNEL,
  EVENT_TOPIC_SHAPE,
  callChannel,
} from '../src-shared/contract/channel-names';

interface HostEvent {
  readonly topic: string;
  readonly payload: unknown;
}

// The page reaches only `keyward:<area>.<verb>` channels, and main handles exactly the
// contract's calls there (src-main/electron/ipc/handle.ts), so no list of names is kept here.
const bridge = {
  host: 'electron' as const,
  invoke(name: string, input: unknown): Promise<unknown> {
    if (typeof name !== 'string' || !CALL_NAME_SHAPE.test(name)) {
      return Promise.reject(new Error(`Unknown call: ${String(name)}`));
    }
    return ipcRenderer.invoke(callChannel(name), input);
  },
  subscribe(topic: string, listener: (payload: unknown) => void): () => void {
    if (
      typeof topic !== 'string' ||
      !EVENT_TOPIC_SHAPE.test(topic) ||
      typeof listener !== 'function'
    ) {
      throw new Error(`Unknown event topic: ${String(topic)}`);
    }
    const relay = (_event: IpcRendererEvent, message: HostEvent): void => {
      if (message.topic === topic) listener(message.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('keyward', bridge);
