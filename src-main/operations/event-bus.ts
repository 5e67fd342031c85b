import { eventTopics, type EventPayload, type EventTopic } from '../../src-shared/contract';

export type EventListener = (topic: EventTopic, payload: unknown) => void;

export interface EventBus {
  publish<T extends EventTopic>(topic: T, payload: EventPayload<T>): void;
  subscribe(listener: EventListener): () => void;
}

/** Fans events out to every transport; payloads are validated so nothing unnamed leaves. */
export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    publish(topic, payload) {
      const checked = eventTopics[topic].parse(payload);
      for (const listener of listeners) listener(topic, checked);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
