// In-process decoding of simulator NMEA lines into positions and static reports for the detection bench
// (the same mapping the store's ingest does: AIS "not available" values become null or rejects, exact
// duplicate receptions — same message time and payload from several stations — are kept once).
import { AisDecoder } from '../src/ais/decoder.js';
import type { Position } from '../src/tracks/position.js';
import type { StaticReport } from '../src/detectors/detector.js';

const POSITION_TYPES = new Set([1, 2, 3, 18, 19, 27]);
const STATIC_TYPES = new Set([5, 19, 24]);

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

export interface Decoded {
  positions: Position[];
  statics: StaticReport[];
  duplicates: number;
  rejected: number;
}

export function decodeLines(lines: Iterable<string>): Decoded {
  const dec = new AisDecoder();
  // Duplicate receptions: terrestrial copies are adjacent, satellite copies arrive ≤ 4 h late; keys older
  // than 5 h behind the newest message time are forgotten so memory stays bounded.
  const seen = new Map<string, number>();
  /** Key → the position kept for it, so a duplicate's station joins its list (as the store's ingest does). */
  const kept = new Map<string, Position>();
  let newestMs = -Infinity;
  let sincePrune = 0;
  const out: Decoded = { positions: [], statics: [], duplicates: 0, rejected: 0 };
  for (const line of lines) {
    const r = dec.decodeLine(line);
    if (r.kind === 'reject') out.rejected++;
    if (r.kind !== 'message' || r.meta.timeMs === null) continue;
    const key = `${r.meta.timeMs}|${r.payload}`;
    if (seen.has(key)) {
      out.duplicates++;
      const first = kept.get(key), st = r.meta.station;
      if (first && st && r.meta.source !== 'satellite' && first.stations && !first.stations.includes(st)) first.stations = [...first.stations, st];
      continue;
    }
    seen.set(key, r.meta.timeMs);
    if (r.meta.timeMs > newestMs) newestMs = r.meta.timeMs;
    if (++sincePrune >= 200_000) {
      sincePrune = 0;
      for (const [k, t] of seen) if (t < newestMs - 5 * 3_600_000) { seen.delete(k); kept.delete(k); }
    }
    const m = r.message as Record<string, unknown> & { type: number; mmsi: number };
    if (POSITION_TYPES.has(m.type)) {
      const lat = num(m.lat), lon = num(m.lon);
      if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) continue;
      const speed = num(m.speed), course = num(m.course), heading = num(m.heading), status = num(m.status);
      out.positions.push({
        mmsi: m.mmsi, timeMs: r.meta.timeMs, lat, lon,
        speedKn: speed === null || speed >= 102.3 ? null : speed,
        courseDeg: course === null || course >= 360 ? null : course,
        headingDeg: heading === null || heading >= 511 ? null : heading,
        status: m.type <= 3 && status !== null ? status : null,
        source: r.meta.source,
        stations: r.meta.station ? [r.meta.station] : null,
      });
      kept.set(key, out.positions[out.positions.length - 1]!);
    }
    if (STATIC_TYPES.has(m.type)) {
      const draught = m.type === 5 ? num(m.draught) : null;
      const imo = m.type === 5 ? num(m.imo) : null;
      out.statics.push({
        mmsi: m.mmsi, timeMs: r.meta.timeMs, imo: imo && imo > 0 ? imo : null, shipname: text(m.shipname),
        callsign: text(m.callsign), shiptype: num(m.shiptype) || null, draughtM: draught && draught > 0 ? draught : null,
        destination: text(m.destination), lengthM: null, beamM: null,
      });
    }
  }
  dec.flush();
  return out;
}
