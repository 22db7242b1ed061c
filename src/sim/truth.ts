// Truth from what was actually emitted (docs/simulator.md "Truth semantics"): the world reports every
// position and static report that reached the file in at least one valid line; this collector turns them
// into gap, port_visit, draught_change, spoofing, identity_change and shared_mmsi events, and joins the
// scripted plans (dark port stays, encounters, loitering) with the emitted data.
import { distanceM, impliedSpeedKn, MS_PER_HOUR } from '../geo/sphere.js';
import { eventId } from '../detectors/event-id.js';
import type { UnscoredMeeting } from '../detectors/score.js';
import type { EventType, TumenEvent } from '../events/schema.js';
import { MID_FLAG } from './identity.js';
import type { PortLayout } from './harbour.js';
import { HARBOUR, REPORTING, TRUTH } from './params.js';
import { SIM_PORTS, type SimPort } from './ports.js';
import type { ScriptedEncounter, ScriptedLoiter } from './scenarios.js';
import type { SimVessel } from './vessel.js';

export interface Glitch {
  mmsi: number;
  time: string;
  lat: number;
  lon: number;
  true_lat: number;
  true_lon: number;
  jump_km: number;
}

interface Track {
  vessel: SimVessel;
  mmsi: number;
  firstMs: number;
  firstLat: number;
  firstLon: number;
  lastMs: number;
  lastLat: number;
  lastLon: number;
  positions: number;
  visit: { port: SimPort; startMs: number; stopped: boolean; positions: number } | null;
  draught: { ms: number; m: number } | null;
  lastGap: { startMs: number; endMs: number } | null;
  gaps: TumenEvent[];
}

export type PositionKind = 'normal' | 'glitch' | 'fabricated';

/** ISO-8601 UTC to the second (message times are whole seconds; plan times are floored). */
const iso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
const M_PER_DEG = 111_195;

function event(type: EventType, mmsi: number, startMs: number, endMs: number | null, lat: number, lon: number, evidence: Record<string, unknown>, extra: Partial<TumenEvent> = {}, discriminator: string | number = ''): TumenEvent {
  return {
    id: eventId(type, mmsi, iso(startMs), discriminator),
    type, mmsi, start: iso(startMs), end: endMs === null ? null : iso(endMs), lat: round(lat, 5), lon: round(lon, 5),
    ...extra, evidence,
  };
}

export class TruthCollector {
  private readonly tracks = new Map<string, Track>();
  readonly events: TumenEvent[] = [];
  readonly glitches: Glitch[] = [];
  /** Scripted meetings (encounters, loiters) heard too thinly to be truth: what is seen of them — each ship
   *  slow at sea, a few fixes together — is neither required nor counted false (src/detectors/score.ts). */
  readonly unscored: UnscoredMeeting[] = [];
  /** Emitted positions per scripted watch window: key `${vesselIndex}|${startMs}`. */
  private readonly watch = new Map<number, Array<{ startMs: number; endMs: number; count: number }>>();
  private readonly spoofSeen = new Map<string, { first: [number, number, number]; last: [number, number, number]; count: number; jumpKm: number; stationary: boolean }>();
  /** Shared-MMSI bookkeeping: last emitted position per ship under one MMSI, and the closest approach. */
  private readonly sharedLast = new Map<number, Map<number, [number, number, number]>>();
  private readonly sharedMinM = new Map<number, number>();

  /** With spread berths, port visits are read against each port's area (quays, anchorage, routes between). */
  private readonly layoutOf: Map<string, PortLayout>;

  constructor(private readonly vessels: readonly SimVessel[], encounters: readonly ScriptedEncounter[], loiters: readonly ScriptedLoiter[], private readonly areas: readonly PortLayout[] | null = null) {
    this.layoutOf = new Map((areas ?? []).map((a) => [a.port.id, a]));
    for (const e of encounters) { this.addWatch(e.a, e.startMs, e.endMs); this.addWatch(e.b, e.startMs, e.endMs); }
    for (const l of loiters) this.addWatch(l.vessel, l.startMs, l.endMs);
  }

  private addWatch(vessel: number, startMs: number, endMs: number): void {
    const list = this.watch.get(vessel) ?? [];
    list.push({ startMs, endMs, count: 0 });
    this.watch.set(vessel, list);
  }

  watchCount(vessel: number, startMs: number): number {
    return this.watch.get(vessel)?.find((w) => w.startMs === startMs)?.count ?? 0;
  }

  private track(v: SimVessel, mmsi: number): Track | undefined {
    return this.tracks.get(`${v.index}|${mmsi}`);
  }

  /** An emitted position report. `trueLat/trueLon` is where the ship really was. */
  onPosition(v: SimVessel, mmsi: number, t: number, lat: number, lon: number, sogKn: number, kind: PositionKind, trueLat: number, trueLon: number): void {
    if (kind === 'glitch') {
      this.glitches.push({ mmsi, time: iso(t), lat: round(lat, 6), lon: round(lon, 6), true_lat: round(trueLat, 6), true_lon: round(trueLon, 6), jump_km: round(distanceM(lat, lon, trueLat, trueLon) / 1000, 1) });
      return;
    }
    const key = `${v.index}|${mmsi}`;
    let tr = this.tracks.get(key);
    if (!tr) {
      tr = { vessel: v, mmsi, firstMs: t, firstLat: lat, firstLon: lon, lastMs: t, lastLat: lat, lastLon: lon, positions: 0, visit: null, draught: null, lastGap: null, gaps: [] };
      this.tracks.set(key, tr);
    } else if (t - tr.lastMs >= TRUTH.minGapH * MS_PER_HOUR) {
      this.gap(tr, tr.lastMs, t, lat, lon, t);
    }
    this.portVisit(tr, t, lat, lon, sogKn);
    tr.lastMs = t; tr.lastLat = lat; tr.lastLon = lon; tr.positions++;
    const w = this.watch.get(v.index);
    if (w) for (const x of w) if (t >= x.startMs && t <= x.endMs) x.count++;
    if (kind === 'fabricated') {
      const sp = v.spoofs.find((s) => t >= s.startMs && t < s.endMs)!;
      const k = `${v.index}|${sp.startMs}`;
      const seen = this.spoofSeen.get(k);
      if (!seen) this.spoofSeen.set(k, { first: [t, lat, lon], last: [t, lat, lon], count: 1, jumpKm: distanceM(lat, lon, trueLat, trueLon) / 1000, stationary: sp.speedKn === 0 });
      else { seen.last = [t, lat, lon]; seen.count++; }
    }
    if (v.role === 'shared_mmsi') {
      const byShip = this.sharedLast.get(mmsi) ?? new Map<number, [number, number, number]>();
      this.sharedLast.set(mmsi, byShip);
      byShip.set(v.index, [t, lat, lon]);
      for (const [other, p] of byShip) {
        if (other === v.index || t - p[0] > MS_PER_HOUR) continue;
        const d = distanceM(lat, lon, p[1], p[2]);
        this.sharedMinM.set(mmsi, Math.min(this.sharedMinM.get(mmsi) ?? Infinity, d));
      }
    }
  }

  /** An emitted type 5 (Class A static and voyage data). */
  onStatic(v: SimVessel, mmsi: number, t: number, draughtM: number): void {
    const tr = this.track(v, mmsi);
    if (!tr) return;
    const prev = tr.draught;
    if (prev && Math.abs(prev.m - draughtM) >= TRUTH.minDraughtChangeM - 1e-9) {
      // The gap may still be open: the first report heard after it can be this static one.
      const open = t - tr.lastMs >= TRUTH.minGapH * MS_PER_HOUR && tr.lastMs >= prev.ms ? { startMs: tr.lastMs, endMs: t } : null;
      const g = open ?? (tr.lastGap && tr.lastGap.startMs >= prev.ms && tr.lastGap.endMs <= t ? tr.lastGap : null);
      this.events.push(event('draught_change', mmsi, prev.ms, t, tr.lastLat, tr.lastLon, {
        across_gap: g !== null, gap_h: g ? round((g.endMs - g.startMs) / MS_PER_HOUR, 2) : null,
        truth: 'scripted draught change (type 5)',
      }, { before_m: prev.m, after_m: draughtM }, 'draught'));
    }
    tr.draught = { ms: t, m: draughtM };
  }

  private intentional(v: SimVessel, fromMs: number, toMs: number): boolean {
    return v.darkWindows.some((w) => w.startMs < toMs && w.endMs > fromMs);
  }

  /** `endMs` null: still open at the world's end `openUntilMs` — a dark window scripted after the world's
   *  end is not inside it (the ship was unheard, not yet switched off). */
  private gap(tr: Track, startMs: number, endMs: number | null, lat: number, lon: number, openUntilMs: number): void {
    const end = endMs ?? 0;
    const distKm = endMs === null ? null : distanceM(tr.lastLat, tr.lastLon, lat, lon) / 1000;
    const intentional = this.intentional(tr.vessel, startMs, endMs ?? openUntilMs);
    const ev = event('gap', tr.mmsi, startMs, endMs, tr.lastLat, tr.lastLon, {
      positions_before: tr.positions, cause: intentional ? 'transmitter off (scripted)' : 'out of reception',
    }, {
      intentional,
      duration_h: endMs === null ? null as unknown as number : round((end - startMs) / MS_PER_HOUR, 3),
      distance_km: distKm === null ? null as unknown as number : round(distKm, 3),
      implied_speed_kn: distKm === null ? null as unknown as number : round(impliedSpeedKn(distKm * 1000, end - startMs), 3),
    });
    this.events.push(ev);
    tr.gaps.push(ev);
    if (endMs !== null) tr.lastGap = { startMs, endMs };
  }

  /** Distance to a port: to its point (classic), or to its area of quays, anchorage and routes (spread berths). */
  private portDistanceM(p: SimPort, lat: number, lon: number): number {
    const layout = this.layoutOf.get(p.id);
    return layout ? distanceToAreaM(layout, lat, lon) : distanceM(lat, lon, p.lat, p.lon);
  }

  private portVisit(tr: Track, t: number, lat: number, lon: number, sogKn: number): void {
    const [entryM, exitM] = this.areas ? [HARBOUR.areaEntryM, HARBOUR.areaExitM] : [TRUTH.portEntryM, TRUTH.portExitM];
    if (tr.visit) {
      if (this.portDistanceM(tr.visit.port, lat, lon) > exitM) {
        this.closeVisit(tr, t);
      } else {
        tr.visit.positions++;
        if (sogKn < TRUTH.portStopKn) tr.visit.stopped = true;
        return;
      }
    }
    const k = Math.cos((lat * Math.PI) / 180);
    // Cheap prefilter: an area reaches at most ~10 km from its port point.
    const nearM = this.areas ? 15_000 : 5_000;
    for (const p of SIM_PORTS) {
      const dy = (lat - p.lat) * M_PER_DEG, dx = (lon - p.lon) * M_PER_DEG * k;
      if (dx * dx + dy * dy > nearM * nearM) continue;
      if (this.portDistanceM(p, lat, lon) <= entryM) {
        tr.visit = { port: p, startMs: t, stopped: sogKn < TRUTH.portStopKn, positions: 1 };
        return;
      }
    }
  }

  private closeVisit(tr: Track, endMs: number | null): void {
    const vis = tr.visit!;
    tr.visit = null;
    if (!vis.stopped) return;
    const p = vis.port;
    const [entry, exit] = this.areas ? [HARBOUR.areaEntryM, HARBOUR.areaExitM] : [TRUTH.portEntryM, TRUTH.portExitM];
    this.events.push(event('port_visit', tr.mmsi, vis.startMs, endMs, p.lat, p.lon, {
      positions_in_port: vis.positions, stopped: true, entry_radius_m: entry, exit_radius_m: exit,
      ...(this.areas ? { area: 'quays, outer anchorage and the routes between them' } : {}),
    }, { port: { id: p.id, name: p.name, country: p.country } }, p.id));
  }

  /** End of the world: open gaps and visits, then the plan-joined events. */
  finish(endMs: number, encounters: readonly ScriptedEncounter[], loiters: readonly ScriptedLoiter[]): TumenEvent[] {
    for (const tr of this.tracks.values()) {
      if (tr.visit) this.closeVisit(tr, null);
      // A retired identity's silence is explained by the handover to the next one (issue 8: a gap closed by
      // an identity handover is explained, not flagged): the identity_change event is the finding.
      if (endMs - tr.lastMs >= TRUTH.minGapH * MS_PER_HOUR && !this.handedOver(tr)) this.gap(tr, tr.lastMs, null, tr.lastLat, tr.lastLon, endMs);
    }
    this.darkPortCalls(endMs);
    const mmsiAt = (vi: number, t: number): number => {
      const v = this.vessels[vi]!;
      let id = v.identities[0]!;
      for (const x of v.identities) if (x.fromMs <= t) id = x;
      return id.mmsi;
    };
    // A scripted meeting is truth only if the ships were actually heard through it (≥ 50 % of reports).
    const heard = (vi: number, s: number, e: number) => this.watchCount(vi, s) >= 0.5 * ((e - s) / (REPORTING.classAUnderwayS * 1000));
    for (const e of encounters) {
      const ma = mmsiAt(e.a, e.startMs), mb = mmsiAt(e.b, e.startMs);
      if (!heard(e.a, e.startMs, e.endMs) || !heard(e.b, e.startMs, e.endMs)) {
        this.unscored.push({ mmsis: [ma, mb], startMs: e.startMs, endMs: e.endMs, site: e.site });
        continue;
      }
      const [lo, hi] = ma < mb ? [ma, mb] : [mb, ma];
      this.events.push(event('encounter', lo, e.startMs, e.endMs, e.lat, e.lon, {
        site: e.site, duration_h: round((e.endMs - e.startMs) / MS_PER_HOUR, 3), max_distance_m: TRUTH.encounterMaxM,
      }, { other_mmsi: hi }, hi));
    }
    for (const l of loiters) {
      if (!heard(l.vessel, l.startMs, l.endMs)) {
        this.unscored.push({ mmsis: [mmsiAt(l.vessel, l.startMs)], startMs: l.startMs, endMs: l.endMs, site: l.site });
        continue;
      }
      this.events.push(event('loitering', mmsiAt(l.vessel, l.startMs), l.startMs, l.endMs, l.lat, l.lon, {
        partner: l.partner, site: l.site, duration_h: round((l.endMs - l.startMs) / MS_PER_HOUR, 3),
      }));
    }
    for (const [k, s] of this.spoofSeen) {
      const vi = Number(k.split('|')[0]);
      const mmsi = mmsiAt(vi, s.first[0]);
      this.events.push(event('spoofing', mmsi, s.first[0], s.last[0], s.first[1], s.first[2], {
        kind: s.stationary ? 'fabricated_stationary' : 'fabricated_track', jump_km: round(s.jumpKm, 1), fabricated_positions: s.count,
      }));
    }
    this.identityChanges();
    this.sharedMmsis();
    return this.events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : a.mmsi - b.mmsi || (a.id < b.id ? -1 : 1)));
  }

  /** The track's identity was followed by another one of the same ship that was heard. */
  private handedOver(tr: Track): boolean {
    const ids = tr.vessel.identities;
    const i = ids.findIndex((x) => x.mmsi === tr.mmsi);
    const next = i >= 0 ? ids[i + 1] : undefined;
    return next !== undefined && this.track(tr.vessel, next.mmsi) !== undefined;
  }

  private darkPortCalls(endMs: number): void {
    for (const v of this.vessels) {
      for (const w of v.darkWindows) {
        if (!w.portStay) continue;
        const ps = w.portStay;
        for (const tr of this.tracks.values()) {
          if (tr.vessel !== v) continue;
          // Only a closed gap places a call: its start, end and duration are what make a port feasible
          // (issue 3's definition). An open gap (end null) is a gap only.
          const g = tr.gaps.find((x) => x.intentional && Date.parse(x.start) <= ps.arriveMs
            && x.end !== null && Date.parse(x.end) >= ps.departMs);
          if (!g) continue;
          const p = SIM_PORTS.find((x) => x.id === ps.portId)!;
          this.events.push(event('dark_port_call', g.mmsi, Date.parse(g.start), g.end === null ? null : Date.parse(g.end), g.lat, g.lon, {
            gap_id: g.id, port_arrival: iso(ps.arriveMs), port_departure: ps.departMs < endMs ? iso(ps.departMs) : null,
            stay_h: round((Math.min(ps.departMs, endMs) - ps.arriveMs) / MS_PER_HOUR, 2),
          }, { port: { id: p.id, name: p.name, country: p.country } }, p.id));
        }
      }
    }
  }

  private identityChanges(): void {
    for (const v of this.vessels) {
      for (let i = 1; i < v.identities.length; i++) {
        const a = v.identities[i - 1]!, b = v.identities[i]!;
        const ta = this.track(v, a.mmsi), tb = this.track(v, b.mmsi);
        if (!ta || !tb) continue;
        const ident = (x: typeof a) => ({ mmsi: x.mmsi, shipname: x.shipname, callsign: x.callsign, flag: MID_FLAG[Math.floor(x.mmsi / 1e6)] ?? null, imo: x.imo });
        this.events.push(event('identity_change', b.mmsi, ta.lastMs, tb.firstMs, tb.firstLat, tb.firstLon, {
          imo: a.imo, old_mmsi: a.mmsi, dark_h: round((tb.firstMs - ta.lastMs) / MS_PER_HOUR, 2),
        }, { old: ident(a), new: ident(b) }, a.mmsi));
      }
    }
  }

  private sharedMmsis(): void {
    const byMmsi = new Map<number, Track[]>();
    for (const tr of this.tracks.values()) {
      if (tr.vessel.role !== 'shared_mmsi') continue;
      byMmsi.set(tr.mmsi, [...(byMmsi.get(tr.mmsi) ?? []), tr]);
    }
    for (const [mmsi, trs] of byMmsi) {
      if (trs.length < 2) continue;
      const later = trs.reduce((a, b) => (b.firstMs > a.firstMs ? b : a));
      const endMs = Math.min(...trs.map((t) => t.lastMs));
      const minM = this.sharedMinM.get(mmsi);
      this.events.push(event('shared_mmsi', mmsi, later.firstMs, endMs, later.firstLat, later.firstLon, {
        vessels: trs.map((t) => ({ imo: t.vessel.identities[0]!.imo, shipname: t.vessel.identities[0]!.shipname, callsign: t.vessel.identities[0]!.callsign })),
        min_separation_km: minM === undefined ? null : round(minM / 1000, 1),
      }));
    }
  }
}

/** Distance (m) from a point to a port's area polylines (local equirectangular: areas span < 20 km). */
export function distanceToAreaM(a: PortLayout, lat: number, lon: number): number {
  const k = Math.cos((lat * Math.PI) / 180);
  let best = Infinity;
  for (const line of a.area) {
    for (let i = 0; i < line.length; i++) {
      const p = line[i]!;
      const px = (p.lon - lon) * M_PER_DEG * k, py = (p.lat - lat) * M_PER_DEG;
      if (i === 0) { best = Math.min(best, Math.hypot(px, py)); continue; }
      const q = line[i - 1]!;
      const qx = (q.lon - lon) * M_PER_DEG * k, qy = (q.lat - lat) * M_PER_DEG;
      const dx = px - qx, dy = py - qy;
      const len2 = dx * dx + dy * dy;
      const f = len2 > 0 ? Math.max(0, Math.min(1, -(qx * dx + qy * dy) / len2)) : 0;
      best = Math.min(best, Math.hypot(qx + f * dx, qy + f * dy));
    }
  }
  return best;
}
