// Server-Sent Events from a hub: one message per published item the subscriber wants, a comment
// heartbeat every 15 s so proxies keep the connection open, and a cap on streams open at once.
import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { httpError } from './errors.js';
import type { Hub } from './event-hub.js';

const HEARTBEAT_MS = 15_000;

/** Open streams of one endpoint, at most `max` (more get 503 with Retry-After). */
export class StreamSlots {
  open = 0;
  constructor(readonly max: number) {}
}

export function followHub<T>(c: Context, slots: StreamSlots, hub: Hub<T>, opts: { event: string; wanted: (item: T) => boolean; id: (item: T) => string }): Response {
  if (slots.open >= slots.max) {
    throw httpError(503, `too many event streams open (${slots.max}); retry later`, { 'retry-after': '30' });
  }
  slots.open++;
  return streamSSE(c, async (stream) => {
    try {
      await follow(stream);
    } finally {
      slots.open--;
    }
  });
  async function follow(stream: SSEStreamingApi): Promise<void> {
    const queue: T[] = [];
    let wake: (() => void) | null = null;
    const unsubscribe = hub.subscribe((item) => {
      if (!opts.wanted(item)) return;
      queue.push(item);
      wake?.();
    });
    let open = true;
    stream.onAbort(() => {
      open = false;
      unsubscribe();
      wake?.();
    });
    await stream.writeSSE({ event: 'ready', data: JSON.stringify({ subscribed: true }) });
    while (open) {
      while (queue.length) {
        const item = queue.shift()!;
        await stream.writeSSE({ event: opts.event, id: opts.id(item), data: JSON.stringify(item) });
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, HEARTBEAT_MS).unref();
      });
      wake = null;
      if (open && queue.length === 0) await stream.write(': keep-alive\n\n');
    }
    unsubscribe();
  }
}
