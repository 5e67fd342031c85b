import type { WebContents } from 'electron';
import { EVENT_CHANNEL } from '../../../src-shared/contract/channel-names';
import type { EventBus } from '../../operations/event-bus';

/** Forwards host events to one window; never sends to a destroyed one. */
export function forwardEvents(events: EventBus, contents: WebContents): () => void {
  const unsubscribe = events.subscribe((topic, payload) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, { topic, payload });
  });
  contents.once('destroyed', unsubscribe);
  return unsubscribe;
}
