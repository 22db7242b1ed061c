// What issue 9's API, pages and reports need on top of fixture-store.ts: a DPRK tanker (100 m × 18 m) with a
// dark call at Rajin during which its reported draught drops 6.5 → 3.0 m (a fuel delivery), two satellite
// scenes (one over Rajin with a dark 101 m ship, one at sea on ANGARA's track), and an analyst's count at
// the Rajin piers that day showing a vessel alongside of 100 m.
import type { Store } from '../../src/store/db.js';
import type { TumenEvent } from '../../src/events/schema.js';
import { importImagery } from '../../src/store/imagery.js';
import { saveObservations } from '../../src/store/sites.js';
import { ANGARA, MIN, T0, angaraPositions } from './fixture-store.js';

export const TANKER = 445111222;
export const DPC_ID = 'dpc-yujong-1';
const H = 60 * MIN;

export const DARK_CALL: TumenEvent = {
  id: DPC_ID, type: 'dark_port_call', mmsi: TANKER,
  start: new Date(T0 + 6 * H).toISOString(), end: new Date(T0 + 20 * H).toISOString(),
  lat: 42.1, lon: 130.45, port: { id: 'KPNJN', name: 'Najin/Rajin', country: 'KP' },
  evidence: { duration_h: 14 }, duration_h: 14,
};

/** ANGARA's reported position at `k` × 10 min (fixture-store's track). */
const angaraAt = (k: number) => angaraPositions().find((p) => p.t === T0 + k * 10 * MIN)!;

export async function fillIssue9(store: Store): Promise<void> {
  let key = 1_000_000;
  // The tanker reports outside Rajin before and after its dark call; statics with length, beam, draught.
  for (let k = 0; k <= 24; k++) {
    if (k > 6 && k < 20) continue;
    await store.run('INSERT INTO positions (mmsi, time, lat, lon, speed, course, dedup_key) VALUES ($m, epoch_ms($t::BIGINT), 42.1, 130.45, 9, 0, $k)', { m: TANKER, t: T0 + k * H, k: ++key });
  }
  const statics = async (t: number, draught: number) => store.run(
    `INSERT INTO statics (mmsi, time, imo, shipname, callsign, shiptype, to_bow, to_stern, to_port, to_starboard, draught, dedup_key)
     VALUES ($m, epoch_ms($t::BIGINT), 8604838, 'YU JONG 2', 'HMYJ2', 80, 80, 20, 9, 9, $d, $k)`, { m: TANKER, t, d: draught, k: ++key });
  await statics(T0 + 1 * H, 6.5);
  await statics(T0 + 22 * H, 3.0);
  for (const [field, value] of [['shipname', 'YU JONG 2'], ['imo', '8604838'], ['shiptype', '80']]) {
    await store.run('INSERT INTO identity_history VALUES ($m, $f, $v, epoch_ms($a::BIGINT), epoch_ms($b::BIGINT), 5)', { m: TANKER, f: field, v: value, a: T0, b: T0 + 24 * H });
  }
  await store.run(
    `INSERT INTO events VALUES ($id, $type, $mmsi, $start::TIMESTAMP, $end::TIMESTAMP, $lat, $lon, NULL, $port, $body)`,
    { id: DARK_CALL.id, type: DARK_CALL.type, mmsi: TANKER, start: DARK_CALL.start.replace('Z', ''), end: DARK_CALL.end!.replace('Z', ''), lat: DARK_CALL.lat, lon: DARK_CALL.lon, port: 'KPNJN', body: JSON.stringify(DARK_CALL) },
  );
  // Scenes: Rajin at 12:00 (the tanker dark alongside), the sea at 04:00 where ANGARA reports.
  const a = angaraAt(24);
  const rajin = { scene_id: 'S-RAJIN', timeMs: T0 + 12 * H, sensor: 'optical' as const, bbox: { lat_min: 42.15, lat_max: 42.3, lon_min: 130.2, lon_max: 130.4 } };
  const sea = { scene_id: 'S-SEA', timeMs: a.t, sensor: 'sar' as const, bbox: { lat_min: a.lat - 0.2, lat_max: a.lat + 0.2, lon_min: a.lon - 0.3, lon_max: a.lon + 0.3 } };
  const det = (id: string, s: typeof rajin | typeof sea, lat: number, lon: number, len: number) =>
    ({ detection_id: id, scene_id: s.scene_id, timeMs: s.timeMs, lat, lon, length_m: len, heading_deg: null, sensor: s.sensor, presence: 0.9 });
  await importImagery(store, [rajin, sea], [det('d-rajin-dark', rajin, 42.238, 130.302, 101), det('d-sea-angara', sea, a.lat, a.lon, 120)], { scenes: {}, detections: {} });
  await saveObservations(store, [{
    id: 'obs-rajin-1', site_id: 'rajin-piers', time: '2024-03-01T00:00:00Z', counts: { vessels: 2 }, vessel_lengths_m: [100, 62],
    image_ref: 'test image', analyst: 'test analyst', note: null, source: 'test fixture',
  }], 'fixture', '2024-03-02T00:00:00Z');
}

export { ANGARA };
