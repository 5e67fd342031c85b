import type { HostKind } from '../models/app-info';

/**
 * The type of `window.keyward`: the only door between the page and the host. Electron's preload
 * and the browser-mode HTTP bridge both implement it.
 */
export interface KeywardBridge {
  readonly host: HostKind;
  /** Answers the `Result` envelope; rejects only when the transport itself fails. */
  invoke(name: string, input: unknown): Promise<unknown>;
  /** Calls `listener` with each payload of `topic`; returns the unsubscribe function. */
  subscribe(topic: string, listener: (payload: unknown) => void): () => void;
}
