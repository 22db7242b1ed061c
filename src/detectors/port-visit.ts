// Port visits (GFW anchorages pipeline): a state machine per vessel with separate entry and exit radii
// (hysteresis) and separate stop/go speeds. A visit starts at the first position within `entryRadiusM`
// of a port's area — any of its learned anchorage cells or its gazetteer point (src/anchorages/areas.ts) —
// and ends at the first position beyond `exitRadiusM` of every point of that port; it counts only if the
// vessel stopped (speed < `stopSpeedKn`) or had a port gap (> `portGapH` without positions) inside.
// Confidence 2–4 from what was seen: stop/gap, entry, exit (GFW publishes visits of confidence ≥ 2); a
// visit resting on one position is confidence 1 whatever else (half the visits on real captures were
// one position lasting 0 h): kept, flagged `one_position`, and hidden by default where events are listed.
import type { Detector } from './detector.js';
import type { TumenEvent } from '../events/schema.js';
import type { Position } from '../tracks/position.js';
import { PORT_VISIT_PARAMS } from './params.js';
import { eventId } from './event-id.js';
import { distanceM, MS_PER_HOUR } from '../geo/sphere.js';
import { portIndex, type Port } from '../reference/wpi.js';
import { round } from './gap.js';

export type PortVisitParams = typeof PORT_VISIT_PARAMS;

type VisitPort = Pick<Port, 'id' | 'name' | 'country' | 'lat' | 'lon'>;

/** Where ports are: the learned areas (src/anchorages/areas.ts) or bare gazetteer points (reference/wpi). */
export interface VisitPorts {
  nearest(lat: number, lon: number, radiusM: number): { port: VisitPort; distanceM: number } | undefined;
  /** Distance to the nearest point of one port's area; without it, to the port's own point. */
  distanceToPortM?(id: string, lat: number, lon: number): number;
  /** Every point of one port's area (learned cells, gazetteer point): dark-port-call candidates use them. */
  areaPoints?(id: string): ReadonlyArray<{ lat: number; lon: number; cell: boolean }>;
}

interface Visit {
  port: VisitPort;
  startMs: number;
  lastInMs: number;
  /** Entered from outside (not already inside at the first position). */
  entrySeen: boolean;
  stopSeen: boolean;
  stopped: boolean;
  stopStartMs: number | null;
  stoppedMs: number;
  portGapSeen: boolean;
  points: number;
  minDistanceM: number;
}

export interface PortVisitState {
  mmsi: number | null;
  lastMs: number | null;
  visit: Visit | null;
}

type MaybeOutlier = Position & { outlier?: boolean };

export class PortVisitDetector implements Detector<PortVisitState> {
  readonly name = 'port_visit';
  private readonly p: PortVisitParams;
  private readonly ports: VisitPorts;
  private s: PortVisitState;

  constructor(opts: { params?: PortVisitParams; ports?: VisitPorts } = {}, state?: PortVisitState) {
    this.p = opts.params ?? PORT_VISIT_PARAMS;
    this.ports = opts.ports ?? portIndex();
    this.s = state ? structuredClone(state) : { mmsi: null, lastMs: null, visit: null };
  }

  pushPosition(pos: MaybeOutlier): TumenEvent[] {
    if (pos.outlier) return [];
    const s = this.s;
    if (s.mmsi === null) s.mmsi = pos.mmsi;
    if (s.lastMs !== null && pos.timeMs < s.lastMs) return [];
    const first = s.lastMs === null;
    const dtMs = first ? 0 : pos.timeMs - s.lastMs!;
    s.lastMs = pos.timeMs;
    const out: TumenEvent[] = [];
    const v = s.visit;
    if (v) {
      const d = this.ports.distanceToPortM?.(v.port.id, pos.lat, pos.lon) ?? distanceM(pos.lat, pos.lon, v.port.lat, v.port.lon);
      if (dtMs > this.p.portGapH * MS_PER_HOUR) v.portGapSeen = true;
      if (d > this.p.exitRadiusM) {
        const ev = this.close(v, pos.timeMs, true);
        if (ev) out.push(ev);
        s.visit = null;
      } else {
        this.update(v, pos, d);
        return out;
      }
    }
    const near = this.ports.nearest(pos.lat, pos.lon, this.p.entryRadiusM);
    if (near) {
      const { id, name, country, lat, lon } = near.port;
      s.visit = {
        port: { id, name, country, lat, lon }, startMs: pos.timeMs, lastInMs: pos.timeMs, entrySeen: !first,
        stopSeen: false, stopped: false, stopStartMs: null, stoppedMs: 0, portGapSeen: false, points: 0,
        minDistanceM: Infinity,
      };
      this.update(s.visit, pos, near.distanceM);
    }
    return out;
  }

  flush(): TumenEvent[] {
    const v = this.s.visit;
    this.s.visit = null;
    if (!v) return [];
    const ev = this.close(v, null, false);
    return ev ? [ev] : [];
  }

  snapshot(): PortVisitState {
    return structuredClone(this.s);
  }

  private update(v: Visit, pos: Position, d: number): void {
    v.points++;
    v.lastInMs = pos.timeMs;
    v.minDistanceM = Math.min(v.minDistanceM, d);
    const speed = pos.speedKn;
    if (speed === null) return;
    if (!v.stopped && speed < this.p.stopSpeedKn) {
      v.stopped = true;
      v.stopSeen = true;
      v.stopStartMs = pos.timeMs;
    } else if (v.stopped && speed > this.p.goSpeedKn) {
      v.stopped = false;
      v.stoppedMs += pos.timeMs - v.stopStartMs!;
      v.stopStartMs = null;
    }
  }

  private close(v: Visit, exitMs: number | null, exitSeen: boolean): TumenEvent | null {
    if (!v.stopSeen && !v.portGapSeen) return null;
    // GFW: 2 = stop or gap only, 3 = plus entry or exit, 4 = entry, stop/gap and exit (1 = transit, not emitted).
    const onePosition = v.points < 2;
    const confidence = onePosition ? 1 : 2 + (v.entrySeen ? 1 : 0) + (exitSeen ? 1 : 0);
    const stoppedMs = v.stoppedMs + (v.stopped && v.stopStartMs !== null ? v.lastInMs - v.stopStartMs : 0);
    const mmsi = this.s.mmsi!;
    return {
      id: eventId('port_visit', mmsi, v.startMs, v.port.id),
      type: 'port_visit',
      mmsi,
      start: new Date(v.startMs).toISOString(),
      end: exitMs === null ? null : new Date(exitMs).toISOString(),
      lat: v.port.lat,
      lon: v.port.lon,
      port: { id: v.port.id, name: v.port.name, country: v.port.country },
      duration_h: round(((exitMs ?? v.lastInMs) - v.startMs) / MS_PER_HOUR, 3),
      evidence: {
        confidence,
        one_position: onePosition,
        entry_seen: v.entrySeen,
        exit_seen: exitSeen,
        stop_seen: v.stopSeen,
        port_gap_seen: v.portGapSeen,
        stopped_h: round(stoppedMs / MS_PER_HOUR, 3),
        positions_in_port: v.points,
        min_distance_m: Math.round(v.minDistanceM),
        last_in_port: new Date(v.lastInMs).toISOString(),
      },
    };
  }
}
