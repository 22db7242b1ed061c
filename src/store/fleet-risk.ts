// Behaviour beside the list verdict, for fleet screening (`tumen screen --with-risk`, the UI's fleet page):
// the ship's risk from its events (every MMSI it used, followed through its IMO), when it was last seen and
// how many dark events it has. A ship the store has never seen says so instead of scoring "low".
import type { Store } from './db.js';
import { buildDossier } from './vessel-dossier.js';
import type { StoreScreener } from './screen.js';

export interface Behaviour {
  /** False when the store holds no positions, identities or events of the ship: nothing was assessed. */
  seen: boolean;
  mmsis: number[];
  risk_level: string | null;
  risk_score: number | null;
  last_seen: string | null;
  /** Gaps and dark port calls. */
  dark_events: number;
  events: number;
}

const DARK_TYPES = new Set(['gap', 'dark_port_call']);

/** `key` is an MMSI (9 digits) or an IMO (7 digits) the store may know. */
export async function behaviourOf(store: Store, key: string, screener: StoreScreener | null): Promise<Behaviour> {
  const d = await buildDossier(store, key, screener, { riskOnly: true });
  const lastSeen = d.mmsis.length === 0 ? null : await store.one<{ l: Date | null }>(
    `SELECT max(time) AS l FROM positions WHERE mmsi IN (SELECT unnest($m::UINTEGER[]))`, { m: JSON.stringify(d.mmsis) },
  ).catch(() => undefined); // no positions table: never seen
  const seen = d.identities.length > 0 || d.events.length > 0 || Boolean(lastSeen?.l);
  return {
    seen,
    mmsis: seen ? d.mmsis : [],
    risk_level: seen ? d.risk.level : null,
    risk_score: seen ? d.risk.score : null,
    last_seen: lastSeen?.l ? lastSeen.l.toISOString() : null,
    dark_events: d.events.filter((e) => DARK_TYPES.has(e.type)).length,
    events: d.events.length,
  };
}
