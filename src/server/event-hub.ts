// In-process fan-out of newly detected events to Server-Sent-Events subscribers.
import type { TumenEvent } from '../events/schema.js';

export type EventListener = (event: TumenEvent) => void;

export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: TumenEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }
}
