// The whole bridge between the sandboxed page and main: invoke(name, input) and
// subscribe(topic, fn) on window.keyward. No business logic, no Node, no zod.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  CHANNEL_PREFIX,
  EVENT_CHANNEL,
  callNames,
  eventTopicNames,
} from '../src-shared/contract/channel-names';

const allowedCalls: ReadonlySet<string> = new Set(callNames);
const allowedTopics: ReadonlySet<string> = new Set(eventTopicNames);

interface HostEvent {
  readonly topic: string;
  readonly payload: unknown;
}

const bridge = {
  host: 'electron' as const,
  invoke(name: string, input: unknown): Promise<unknown> {
    if (typeof name !== 'string' || !allowedCalls.has(name)) {
      return Promise.reject(new Error(`Unknown call: ${String(name)}`));
    }
    return ipcRenderer.invoke(`${CHANNEL_PREFIX}${name}`, input);
  },
  subscribe(topic: string, listener: (payload: unknown) => void): () => void {
    if (typeof topic !== 'string' || !allowedTopics.has(topic) || typeof listener !== 'function') {
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
