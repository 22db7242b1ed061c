// A small store filled by the tests themselves: two vessels, tracks with one 10 h gap, three events.
// Tables are created by the store's own DDL (positions, identity_history, events).
import type { Store } from '../../src/store/db.js';
import { ensureEventsSchema } from '../../src/store/events.js';
import { ensurePositionsSchema } from '../../src/store/positions.js';
import { IDENTITIES_DDL } from '../../src/store/identities.js';
import type { TumenEvent } from '../../src/events/schema.js';

export const T0 = Date.UTC(2024, 2, 1, 0, 0, 0); // 2024-03-01T00:00Z
export const MIN = 60_000;
export const ANGARA = 273000001;
export const CHON_MA_SAN = 445000002;
/** ANGARA reports every 10 min for 24 h, silent from 08:00 to 18:00 (a 10 h gap). */
export const GAP_FROM_MS = T0 + 8 * 60 * MIN;
export const GAP_TO_MS = T0 + 18 * 60 * MIN;

export function angaraPositions(): Array<{ t: number; lat: number; lon: number }> {
  const out = [];
  // From off Vostochny (42.75N 133.08E) south-west towards Rajin (42.23N 130.30E).
  for (let k = 0; k <= 144; k++) {
    const t = T0 + k * 10 * MIN;
    if (t > GAP_FROM_MS && t < GAP_TO_MS) continue;
    out.push({ t, lat: 42.75 - (0.52 * k) / 144, lon: 133.08 - (2.78 * k) / 144 });
  }
  return out;
}

export const EVENTS: TumenEvent[] = [
  {
    id: 'gap-angara-1', type: 'gap', mmsi: ANGARA,
    start: new Date(GAP_FROM_MS).toISOString(), end: new Date(GAP_TO_MS).toISOString(),
    lat: 42.75 - (0.52 * 48) / 144, lon: 133.08 - (2.78 * 48) / 144,
    evidence: { duration_h: 10 }, duration_h: 10, intentional: false,
  },
  {
    id: 'pv-chon-1', type: 'port_visit', mmsi: CHON_MA_SAN,
    start: new Date(T0 + 2 * 60 * MIN).toISOString(), end: new Date(T0 + 20 * 60 * MIN).toISOString(),
    lat: 42.75, lon: 133.0833, evidence: { confidence: 4 },
    port: { id: 'RUVYP', name: 'Vostochny', country: 'RU' },
  },
  {
    id: 'enc-1', type: 'encounter', mmsi: ANGARA, other_mmsi: CHON_MA_SAN,
    start: new Date(T0 + 20 * 60 * MIN).toISOString(), end: new Date(T0 + 23 * 60 * MIN).toISOString(),
    lat: 42.3, lon: 130.6, evidence: { median_distance_m: 120 },
  },
];

export async function fillStore(store: Store): Promise<void> {
  await ensurePositionsSchema(store);
  await store.ensureSchema(IDENTITIES_DDL);
  let key = 0;
  await ensureEventsSchema(store);
  for (const p of angaraPositions()) {
    await store.run('INSERT INTO positions (mmsi, time, lat, lon, speed, course, dedup_key) VALUES ($m, epoch_ms($t::BIGINT), $lat, $lon, 11.5, 250, $k)', { m: ANGARA, t: p.t, lat: p.lat, lon: p.lon, k: ++key });
  }
  for (let k = 0; k < 24; k++) {
    await store.run('INSERT INTO positions (mmsi, time, lat, lon, speed, course, dedup_key) VALUES ($m, epoch_ms($t::BIGINT), 42.75, 133.0833, 0.1, 0, $k)', { m: CHON_MA_SAN, t: T0 + k * 60 * MIN, k: ++key });
  }
  const ident = async (mmsi: number, field: string, value: string, fromMs: number, toMs: number, n: number) =>
    store.run('INSERT INTO identity_history VALUES ($mmsi, $field, $value, epoch_ms($a::BIGINT), epoch_ms($b::BIGINT), $n)', { mmsi, field, value, a: fromMs, b: toMs, n });
  await ident(ANGARA, 'shipname', 'ANGARA', T0, T0 + 24 * 60 * MIN, 20);
  await ident(ANGARA, 'imo', '9179842', T0, T0 + 24 * 60 * MIN, 20);
  await ident(ANGARA, 'callsign', 'UBCL5', T0, T0 + 24 * 60 * MIN, 20);
  await ident(CHON_MA_SAN, 'shipname', 'CHON MA SAN', T0, T0 + 23 * 60 * MIN, 3);
  await ident(CHON_MA_SAN, 'shipname', 'CHONMASAN', T0 - 600 * MIN, T0 - 60 * MIN, 2);
  await ident(CHON_MA_SAN, 'imo', '8660313', T0, T0 + 9 * 60 * MIN, 3);
  for (const e of EVENTS) {
    await store.run(
      `INSERT INTO events VALUES ($id, $type, $mmsi, $start::TIMESTAMP, $end::TIMESTAMP, $lat, $lon, $other, $port, $body)`,
      { id: e.id, type: e.type, mmsi: e.mmsi, start: e.start.replace('Z', ''), end: e.end ? e.end.replace('Z', '') : null, lat: e.lat, lon: e.lon, other: e.other_mmsi ?? null, port: e.port?.id ?? null, body: JSON.stringify(e) },
    );
  }
}
