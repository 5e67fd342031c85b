// The wire names, computed from the contract's call names and written nowhere else. No zod: this
// is the one contract file the preload bundles (the type import below is erased).
import type { CallName } from './index';

export const CHANNEL_PREFIX = 'keyward:';
/** Host → page events travel on one channel as `{ topic, payload }`. */
export const EVENT_CHANNEL = `${CHANNEL_PREFIX}event`;

/**
 * The shape of every call name, `<area>.<verb>` (a contract test holds each call to it). The
 * preload lets through only names of this shape; main answers exactly the contract's calls.
 */
export const CALL_NAME_SHAPE = /^[a-z]+\.[a-z][A-Za-z]*$/;
/** The shape of every event topic. */
export const EVENT_TOPIC_SHAPE = /^[a-z]+$/;

/** The IPC channel of a call. */
export function callChannel<N extends string = CallName>(name: N): `${typeof CHANNEL_PREFIX}${N}` {
  return `${CHANNEL_PREFIX}${name}`;
}
