// The event schema every detector emits and every output (store, CLI, API, UI) carries.
import type { EventType } from './types.js';

export type { EventType };

export interface PortRef {
  id: string;
  name: string;
  country: string;
}

export interface TumenEvent {
  /** Derived from the content: same input, same id. */
  id: string;
  type: EventType;
  mmsi: number;
  /** ISO-8601 UTC. */
  start: string;
  /** ISO-8601 UTC; null while the event is open. */
  end: string | null;
  lat: number;
  lon: number;
  /** The figures behind the event, units in every key. */
  evidence: Record<string, unknown>;
  other_mmsi?: number;
  port?: PortRef;
  candidates?: Array<PortRef & { feasibility: number; [k: string]: unknown }>;
  intentional?: boolean;
  duration_h?: number;
  distance_km?: number;
  implied_speed_kn?: number;
  before_m?: number;
  after_m?: number;
  old?: Record<string, unknown>;
  new?: Record<string, unknown>;
}
