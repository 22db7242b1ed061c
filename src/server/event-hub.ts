// In-process fan-out of newly detected events (and raised alerts) to Server-Sent-Events subscribers.
import type { TumenEvent } from '../events/schema.js';

export class Hub<T> {
  private readonly listeners = new Set<(item: T) => void>();

  subscribe(listener: (item: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: T): void {
    for (const listener of this.listeners) listener(event);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }
}

export class EventHub extends Hub<TumenEvent> {}
