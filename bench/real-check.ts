// What an analyst would reject among the events detected on real captures of normal traffic (issue 8):
// on-land spoofing (at quays), inferred handovers across a hole in the coverage, one-position port visits
// listed, "not available" IMOs or default MMSIs reported as findings. Shared by bench/real-captures.ts and
// test/detectors/real-captures.test.ts.
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import type { TumenEvent } from '../src/events/schema.js';
import type { Position } from '../src/tracks/position.js';
import type { StaticReport } from '../src/detectors/detector.js';
import { CoverageHours } from '../src/detectors/coverage-hours.js';
import { isImoPresent } from '../src/reference/imo.js';
import { decodeLines } from './detect-decode.js';

/** MMSIs transponders carry when nobody set one (installers' defaults, test values). */
export const DEFAULT_MMSIS = new Set([0, 1, 111111111, 123456789, 987654321, 999999999, 100000000, 1193046]);

export interface Capture {
  name: string;
  positions: Position[];
  statics: StaticReport[];
}

export interface RejectCounts {
  on_land_spoofing: number;
  handover_across_hole: number;
  handover_any: number;
  one_position_visit_listed: number;
  one_position_visit_hidden: number;
  default_imo_finding: number;
  default_mmsi_finding: number;
}

export function readNmea(name: string, path: string): Capture {
  const raw = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('latin1');
  const d = decodeLines(text.split(/\r?\n/));
  return { name, positions: d.positions, statics: d.statics };
}

/** The Solent CSV (Time,MMSI,Latitude_degrees,Longitude_degrees,COG_degrees,SOG_knots). */
export function readSolent(path: string): Capture {
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split(/\r?\n/).slice(1);
  const positions: Position[] = [];
  for (const l of lines) {
    const [t, m, lat, lon, cog, sog] = l.split(',');
    if (!t || !m) continue;
    const p = { mmsi: Number(m), timeMs: Date.parse(`${t.replace(' ', 'T')}Z`), lat: Number(lat), lon: Number(lon), courseDeg: Number(cog), speedKn: Number(sog), headingDeg: null, status: null };
    if (Number.isFinite(p.timeMs) && Number.isFinite(p.lat) && Number.isFinite(p.lon)) positions.push(p);
  }
  return { name: 'Solent (Dstl CSV)', positions, statics: [] };
}

/** GFW segmenter test tracks: JSON lines {timestamp, ssvid, lat, lon, speed, course}. */
export function readGfwTrack(path: string): Capture {
  const positions: Position[] = [];
  for (const l of readFileSync(path, 'utf8').split('\n')) {
    if (!l.trim()) continue;
    const r = JSON.parse(l) as { timestamp: string; ssvid: number; lat: number; lon: number; speed?: number; course?: number };
    positions.push({ mmsi: r.ssvid, timeMs: Date.parse(r.timestamp), lat: r.lat, lon: r.lon, speedKn: r.speed ?? null, courseDeg: r.course ?? null, headingDeg: null, status: null });
  }
  return { name: `GFW track ${path.split('/').pop()}`, positions, statics: [] };
}

/** Counts the events an analyst would reject; `positions` are the capture's, to judge coverage holes. */
export function analystRejects(events: readonly TumenEvent[], positions: readonly Position[]): RejectCounts {
  const coverage = new CoverageHours();
  for (const p of [...positions].sort((a, b) => a.timeMs - b.timeMs)) coverage.add(p.lat, p.lon, p.timeMs);
  const out: RejectCounts = {
    on_land_spoofing: 0, handover_across_hole: 0, handover_any: 0, one_position_visit_listed: 0, one_position_visit_hidden: 0,
    default_imo_finding: 0, default_mmsi_finding: 0,
  };
  for (const e of events) {
    const ev = e.evidence as Record<string, unknown>;
    if (e.type === 'spoofing' && ev.kind === 'on_land') out.on_land_spoofing++;
    if (e.type === 'identity_change' && ev.kind === 'mmsi_handover_inferred') {
      out.handover_any++;
      const oldLast = { lat: NaN, lon: NaN };
      const startMs = Date.parse(e.start), endMs = Date.parse(e.end ?? e.start);
      const old = positions.filter((p) => p.mmsi === ev.old_mmsi && p.timeMs === startMs)[0];
      if (old) Object.assign(oldLast, { lat: old.lat, lon: old.lon });
      const places = [{ lat: e.lat, lon: e.lon }, ...(old ? [oldLast] : [])];
      if (coverage.longestSilenceH(places, startMs, endMs) > 6) out.handover_across_hole++;
    }
    if (e.type === 'port_visit' && (ev.positions_in_port as number) < 2) {
      if ((ev.confidence as number) >= 2) out.one_position_visit_listed++;
      else out.one_position_visit_hidden++;
    }
    if (e.type === 'identity_change' && ev.kind === 'invalid_imo' && !isImoPresent(ev.imo as number)) out.default_imo_finding++;
    const listed = !(e.type === 'port_visit' && (ev.confidence as number) < 2);
    if (listed && e.type !== 'shared_mmsi' && DEFAULT_MMSIS.has(e.mmsi)) out.default_mmsi_finding++;
  }
  return out;
}
