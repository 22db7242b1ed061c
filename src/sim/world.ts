// The simulated world: builds the fleet (background + scripted evaders), then streams NMEA lines in
// reception order — terrestrial lines as they are heard, satellite lines delivered late — while the truth
// collector records what was actually emitted. Pure: `simulate()` returns a generator; the caller writes.
import { destination, METRES_PER_NM, MS_PER_HOUR } from '../geo/sphere.js';
import {
  encodePositionA, encodePositionB, encodePositionBExtended, encodeStaticA, encodeStaticB, encodeStaticVoyage,
  tagBlock, toSentences,
} from '../ais/encode.js';
import type { TumenEvent } from '../events/schema.js';
import type { UnscoredMeeting } from '../detectors/score.js';
import { backgroundVessel, type FleetContext } from './fleet.js';
import { assignMoorings } from './moorings.js';
import { Harbour, type PortLayout } from './harbour.js';
import { IdentityFactory } from './identity.js';
import { GLITCH, MOTION, RECEPTION, REPORTING, SATURATION, SCRIPTS } from './params.js';
import { PlanCursor, type TrueState } from './plan.js';
import { SIM_PORTS } from './ports.js';
import { hash01, Rng } from './prng.js';
import {
  armsShuttle, dprkTanker, identityChanger, loiter, sharedMmsi, spoofer, stsPair,
  type ScenarioContext, type ScriptedEncounter, type ScriptedLoiter,
} from './scenarios.js';
import { receptionFor, satelliteCoverage, satellitePasses, withReceiverChanges, type Reception, type SatPass, type Station } from './stations.js';
import { TruthCollector, type Glitch } from './truth.js';
import { CLASSIC_WORLD, type WorldVariation } from './variation.js';
import { draughtAt, identityAt, isDark, spoofAt, type SimVessel } from './vessel.js';

export interface SimOptions {
  seed: number;
  vessels: number;
  days: number;
  /** ISO-8601 UTC start of the world. */
  start: string;
  /** How the world departs from the detectors' assumptions (variation.ts); classic where not given. */
  variation?: Partial<WorldVariation>;
}

/** Options with every default filled in, the variation complete. */
export type ResolvedSimOptions = Required<Omit<SimOptions, 'variation'>> & { variation: WorldVariation };

export const DEFAULT_SIM_OPTIONS: ResolvedSimOptions = { seed: 1, vessels: 200, days: 7, start: '2024-03-01T00:00:00Z', variation: CLASSIC_WORLD };

export interface SimCounts {
  lines: number;
  terrestrialLines: number;
  /** Satellite lines, all written 30–240 min after their `c:` time (late delivery). */
  satelliteLines: number;
  corruptLines: number;
  /** Reports heard by more than one receiver (each extra copy is a duplicate line set). */
  duplicateReports: number;
  positionReports: number;
  emittedPositions: number;
  staticReports: number;
  glitches: number;
}

export interface SimResult {
  options: ResolvedSimOptions;
  startMs: number;
  endMs: number;
  vessels: SimVessel[];
  /** NMEA lines, streamed. Exhaust it before reading `truth()` / `counts`. */
  lines: Generator<string, void, undefined>;
  counts: SimCounts;
  /** `unscored`: scripted meetings heard too thinly to be truth (pass them to scoreEvents). */
  truth(): { events: TumenEvent[]; glitches: Glitch[]; unscored: UnscoredMeeting[] };
  satPasses: SatPass[];
  /** The receivers of this world (fixed or drawn for the seed). */
  stations: readonly Station[];
  /** With spread berths: each port's quays and anchorage in this world; else null. */
  portLayouts: PortLayout[] | null;
}

/** A small binary min-heap of [time, key] pairs with deterministic tie-breaking on key. */
class Heap<T> {
  private readonly items: Array<{ t: number; k: number; v: T }> = [];
  get size(): number { return this.items.length; }
  peekT(): number { return this.items[0]?.t ?? Infinity; }
  push(t: number, k: number, v: T): void {
    const a = this.items;
    a.push({ t, k, v });
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (less(a[p]!, a[i]!)) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  pop(): { t: number; k: number; v: T } {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < a.length && less(a[l]!, a[m]!)) m = l;
        if (r < a.length && less(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}
const less = (x: { t: number; k: number }, y: { t: number; k: number }): boolean => x.t < y.t || (x.t === y.t && x.k < y.k);

function buildFleet(opts: ResolvedSimOptions, startMs: number, endMs: number, reception: Reception, harbour: Harbour | null) {
  const rng = new Rng(opts.seed, 1);
  const ids = new IdentityFactory(new Rng(opts.seed, 2));
  const vessels: SimVessel[] = [];
  const encounters: ScriptedEncounter[] = [];
  const loiters: ScriptedLoiter[] = [];
  let next = 0;
  const variation = opts.variation;
  const ctx: ScenarioContext = { rng, ids, startMs, endMs, variation, harbour, reception, nextIndex: () => next++, encounters, loiters, siteBusy: new Map() };
  const n = (share: number) => Math.max(1, Math.round(opts.vessels * share));
  const s = SCRIPTS.share;
  for (let i = 0; i < n(s.arms_shuttle); i++) vessels.push(...armsShuttle(ctx));
  for (let i = 0; i < n(s.dprk_tanker); i++) vessels.push(...dprkTanker(ctx));
  for (let i = 0; i < n(s.sts_pair); i++) vessels.push(...stsPair(ctx));
  for (let i = 0; i < n(s.sts_one_sided); i++) vessels.push(...loiter(ctx, 'dark'));
  for (let i = 0; i < n(s.loiterer); i++) vessels.push(...loiter(ctx, 'none'));
  for (let i = 0; i < n(s.spoofer); i++) vessels.push(...spoofer(ctx));
  for (let i = 0; i < n(s.identity_changer); i++) vessels.push(...identityChanger(ctx));
  for (let i = 0; i < n(s.shared_mmsi); i++) vessels.push(...sharedMmsi(ctx));
  const fleetCtx: FleetContext = { rng, ids, startMs, endMs, variation, harbour };
  const background = Math.max(0, opts.vessels - vessels.length);
  for (let i = 0; i < background; i++) {
    const x = rng.next();
    const role = x < 0.35 ? 'cargo' : x < 0.5 ? 'tanker' : x < 0.6 ? 'ferry' : 'fishing';
    vessels.push(backgroundVessel(fleetCtx, next++, role));
  }
  // Indices follow creation order; keep the array indexed by them.
  vessels.sort((a, b) => a.index - b.index);
  return { vessels, encounters, loiters };
}

const NEAR_PORT_M = GLITCH.minPortDistanceM;
const M_PER_DEG = 111_195;

function nearAnyPort(lat: number, lon: number): boolean {
  const k = Math.cos((lat * Math.PI) / 180);
  for (const p of SIM_PORTS) {
    const dy = (lat - p.lat) * M_PER_DEG, dx = (lon - p.lon) * M_PER_DEG * k;
    if (dx * dx + dy * dy < NEAR_PORT_M * NEAR_PORT_M) return true;
  }
  return false;
}

/**
 * Satellite saturation (SATURATION): ships per 1° cell at each pass (true positions at mid-pass of every
 * transmitting ship not dark), and the hearing factor min(1, capacity / ships) for a transmitter's cell.
 */
function satelliteCrowding(vessels: readonly SimVessel[], passes: readonly SatPass[]) {
  const cell = (lat: number, lon: number) => Math.floor(lat / SATURATION.cellDeg) * 1000 + Math.floor(lon / SATURATION.cellDeg);
  const cursors = vessels.map((v) => new PlanCursor(v.phases));
  const st: TrueState = { lat: 0, lon: 0, sogKn: 0, cogDeg: 0, headingDeg: 0, status: 0, portId: null };
  const counts = passes.map((p) => {
    const mid = (p.startMs + p.endMs) / 2;
    const m = new Map<number, number>();
    for (const v of vessels) {
      if (!v.transmits || isDark(v, mid)) continue;
      const s = cursors[v.index]!.at(mid, st);
      if (!s) continue;
      const k = cell(s.lat, s.lon);
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  });
  return {
    factor(pass: number, lat: number, lon: number): number {
      const n = counts[pass]?.get(cell(lat, lon)) ?? 0;
      return n <= SATURATION.capacityShipsPerCell ? 1 : SATURATION.capacityShipsPerCell / n;
    },
    /** The most ships any cell held during any pass. */
    peak(): number { let x = 0; for (const m of counts) for (const n of m.values()) x = Math.max(x, n); return x; },
  };
}

/** Builds the world and returns the line stream and the truth. */
export function simulate(options: Partial<SimOptions> = {}): SimResult {
  const opts: ResolvedSimOptions = { ...DEFAULT_SIM_OPTIONS, ...options, variation: { ...CLASSIC_WORLD, ...options.variation } };
  const startMs = Date.parse(opts.start);
  if (!Number.isFinite(startMs)) throw new Error(`invalid --start "${opts.start}" (expected ISO-8601 UTC)`);
  if (!(opts.vessels >= 1) || !(opts.days > 0)) throw new Error('vessels must be ≥ 1 and days > 0');
  const endMs = startMs + Math.round(opts.days * 24 * MS_PER_HOUR);
  const variation = opts.variation;
  // Streams 5 and 6 are new: the classic world's streams (1–4) and so its bytes are unchanged.
  const layout = receptionFor(variation, new Rng(opts.seed, 5), startMs, endMs);
  // Stream 8 is the layout's changes over time (7 is imagery's): without them every other stream is as before.
  const reception = variation.receiverChanges ? withReceiverChanges(layout, new Rng(opts.seed, 8), startMs, endMs) : layout;
  const harbour = variation.berths === 'spread' ? new Harbour(new Rng(opts.seed, 6)) : null;
  const portLayouts = harbour ? [...harbour.layouts.values()] : null;
  const { vessels, encounters, loiters } = buildFleet(opts, startMs, endMs, reception, harbour);
  // After the plans are built: no random stream is used, every scripted timing holds.
  if (variation.moorings === 'slots') assignMoorings(vessels, harbour);
  const truth = new TruthCollector(vessels, encounters, loiters, portLayouts);
  const passes = satellitePasses(startMs, endMs, new Rng(opts.seed, 3), variation.satellite);
  const sat = satelliteCoverage(variation.satellite);
  const crowd = variation.saturation ? satelliteCrowding(vessels, passes) : null;
  const counts: SimCounts = {
    lines: 0, terrestrialLines: 0, satelliteLines: 0, corruptLines: 0, duplicateReports: 0,
    positionReports: 0, emittedPositions: 0, staticReports: 0, glitches: 0,
  };
  let finished = false;
  let events: TumenEvent[] = [];

  function* lines(): Generator<string, void, undefined> {
    const rx = new Rng(opts.seed, 4);
    const vrng = vessels.map((v) => new Rng(opts.seed, 1000 + v.index));
    const cursors = vessels.map((v) => new PlanCursor(v.phases));
    const heap = new Heap<0 | 1>();
    for (const v of vessels) {
      if (!v.transmits) continue;
      const r = vrng[v.index]!;
      // Report times are whole seconds, as the tag block's `c:` carries them.
      heap.push(startMs + 1000 * Math.round(r.uniform(0, REPORTING.classAUnderwayS)), v.index * 2, 0);
      heap.push(startMs + 1000 * Math.round(r.uniform(0, REPORTING.staticS)), v.index * 2 + 1, 1);
    }
    const satQueue = new Heap<string[]>();
    let satSeq = 0;
    let passIdx = 0;
    let seqId = 0;
    const state: TrueState = { lat: 0, lon: 0, sogKn: 0, cogDeg: 0, headingDeg: 0, status: 0, portId: null };
    const inRange: Station[] = [];
    const out: string[] = [];

    /** Sends one encoded message from a transmitter at (lat, lon): returns whether any valid copy landed. */
    const transmit = (t: number, vIndex: number, sentences: string[], lat: number, lon: number): boolean => {
      const sec = Math.floor(t / 1000);
      let valid = false;
      let copies = 0;
      reception.stationsInRange(lat, lon, inRange, t);
      for (const st of inRange) {
        if (!rx.chance(st.hearProb ?? RECEPTION.stationHearProb)) continue;
        copies++;
        const tag = tagBlock(st.id, sec);
        let ok = true;
        for (const s of sentences) {
          const bad = corrupt(s);
          if (bad !== null) { out.push(tag + bad); ok = false; } else out.push(tag + s);
        }
        counts.terrestrialLines += sentences.length;
        if (ok) valid = true;
      }
      while (passIdx < passes.length && passes[passIdx]!.endMs <= t) passIdx++;
      const pass = passes[passIdx];
      if (pass && sat && t >= pass.startMs && hash01(opts.seed, pass.index, vIndex) < sat.inViewProb
        && rx.chance(sat.hearProb * (crowd ? crowd.factor(pass.index, lat, lon) : 1))) {
        copies++;
        const tag = tagBlock(pass.station, sec);
        const satLines: string[] = [];
        let ok = true;
        for (const s of sentences) {
          const bad = corrupt(s);
          if (bad !== null) { satLines.push(tag + bad); ok = false; } else satLines.push(tag + s);
        }
        counts.satelliteLines += sentences.length;
        if (ok) valid = true;
        const delay = rx.uniform(RECEPTION.satDelayMinMin, RECEPTION.satDelayMaxMin) * 60_000;
        satQueue.push(t + Math.round(delay), satSeq++, satLines);
      }
      if (copies > 1) counts.duplicateReports++;
      return valid;
    };

    /** With probability corruptLineProb, one payload character changed (checksum left as it was). */
    const corrupt = (sentence: string): string | null => {
      if (!rx.chance(RECEPTION.corruptLineProb)) return null;
      counts.corruptLines++;
      const fields = sentence.split(',');
      const payload = fields[5]!;
      const i = rx.int(0, payload.length - 1);
      const replacement = payload.charCodeAt(i) === 48 ? '1' : '0';
      fields[5] = payload.slice(0, i) + replacement + payload.slice(i + 1);
      return fields.join(',');
    };

    while (heap.size > 0) {
      const { t, k, v: kind } = heap.pop();
      if (t >= endMs) continue;
      // Satellite lines whose delivery time has come are written before this moment's lines.
      while (satQueue.size > 0 && satQueue.peekT() <= t) {
        for (const l of satQueue.pop().v) { counts.lines++; yield l; }
      }
      const vi = k >> 1;
      const v = vessels[vi]!;
      const r = vrng[vi]!;
      const s = cursors[vi]!.at(t, state);
      // ITU-R M.1371 Table 1: the slow rate applies to Class A at anchor or moored, to Class B below 2 kn.
      const stopped = s === null || (v.cls === 'A' ? s.status === 1 || s.status === 5 : s.sogKn < 2);
      const interval = kind === 1 ? REPORTING.staticS
        : v.cls === 'A' ? (stopped ? REPORTING.classAStoppedS : REPORTING.classAUnderwayS)
          : (stopped ? REPORTING.classBStoppedS : REPORTING.classBUnderwayS);
      heap.push(t + 1000 * Math.round(interval + r.uniform(-1, 1) * REPORTING.jitterS), k, kind);
      if (s === null || isDark(v, t)) continue;
      const id = identityAt(v, t);
      out.length = 0;
      if (kind === 0) {
        counts.positionReports++;
        let posKind: 'normal' | 'glitch' | 'fabricated' = 'normal';
        let lat: number, lon: number;
        const spoof = spoofAt(v, t);
        const underway = s.status === 0 && s.sogKn >= 2;
        if (spoof && spoof.speedKn === 0) {
          // A fabricated anchored position: GNSS-like noise around the claimed point.
          const n = MOTION.positionNoiseM / M_PER_DEG;
          lat = spoof.lat0 + r.normal() * n;
          lon = spoof.lon0 + (r.normal() * n) / Math.cos((spoof.lat0 * Math.PI) / 180);
          posKind = 'fabricated';
        } else if (spoof) {
          const p = destination(spoof.lat0, spoof.lon0, spoof.courseDeg, (spoof.speedKn * METRES_PER_NM * (t - spoof.startMs)) / MS_PER_HOUR);
          lat = p.lat; lon = p.lon; posKind = 'fabricated';
        } else if (underway && s.sogKn >= GLITCH.minSpeedKn && r.chance(GLITCH.probPerReport) && !nearAnyPort(s.lat, s.lon)) {
          const p = destination(s.lat, s.lon, r.uniform(0, 360), r.uniform(GLITCH.jumpKm[0], GLITCH.jumpKm[1]) * 1000);
          lat = p.lat; lon = p.lon; posKind = 'glitch';
        } else {
          const n = MOTION.positionNoiseM / M_PER_DEG;
          lat = s.lat + r.normal() * n;
          lon = s.lon + (r.normal() * n) / Math.cos((s.lat * Math.PI) / 180);
        }
        // A fabricated anchorage claims to be at anchor; a fabricated track keeps the true status's message type.
        const moored = spoof && spoof.speedKn === 0 ? spoof.claimedStatus === 1 : s.status === 1 || s.status === 5;
        const sog = spoof ? spoof.speedKn : moored ? 0 : Math.max(0, s.sogKn + r.normal() * (s.sogKn < 2 ? 0.05 : MOTION.speedNoiseKn));
        const cog = spoof ? spoof.courseDeg : moored ? s.headingDeg : (s.cogDeg + r.normal() * MOTION.courseNoiseDeg + 360) % 360;
        const heading = spoof ? Math.round(spoof.courseDeg) % 360 : moored ? s.headingDeg : Math.round(cog) % 360;
        const second = Math.floor(t / 1000) % 60;
        const sogR = Math.round(sog * 10) / 10;
        let enc;
        if (v.cls === 'A') {
          const x = r.next();
          const type = moored ? 3 : x < 0.9 ? 1 : x < 0.95 ? 2 : 3;
          enc = encodePositionA({ type, mmsi: id.mmsi, status: spoof ? spoof.claimedStatus : s.status, turn: moored ? 0 : null, speed: sogR, accuracy: false, lon, lat, course: Math.round(cog * 10) / 10, heading, second, raim: false, radio: r.int(0, 0x7ffff) });
        } else {
          enc = encodePositionB({ mmsi: id.mmsi, speed: sogR, lon, lat, course: Math.round(cog * 10) / 10, heading: null, second, cs: true, band: true, radio: r.int(0, 0xfffff) });
        }
        const emitted = transmit(t, vi, toSentences(enc.payload, enc.fillBits, r.chance(0.5) ? 'A' : 'B', 0), s.lat, s.lon);
        if (emitted) {
          counts.emittedPositions++;
          if (posKind === 'glitch') counts.glitches++;
          truth.onPosition(v, id.mmsi, t, lat, lon, sogR, posKind, s.lat, s.lon);
        }
      } else {
        counts.staticReports++;
        if (v.cls === 'A') {
          const draught = draughtAt(v, t);
          const enc = encodeStaticVoyage({ mmsi: id.mmsi, imo: id.imo, callsign: id.callsign, shipname: id.shipname, shiptype: v.shiptype, ...v.dims, epfd: 1, draught, destination: v.destination });
          if (transmit(t, vi, toSentences(enc.payload, enc.fillBits, 'A', seqId++ % 10), s.lat, s.lon)) truth.onStatic(v, id.mmsi, t, draught);
        } else {
          const a = encodeStaticA({ mmsi: id.mmsi, shipname: id.shipname });
          transmit(t, vi, toSentences(a.payload, a.fillBits, 'B', 0), s.lat, s.lon);
          const b = encodeStaticB({ mmsi: id.mmsi, shiptype: v.shiptype, vendorid: 'SMT', model: 1, serial: v.index, callsign: id.callsign, ...v.dims });
          transmit(t, vi, toSentences(b.payload, b.fillBits, 'B', 0), s.lat, s.lon);
          if (v.sendsType19) {
            const sog = Math.round(s.sogKn * 10) / 10;
            const e19 = encodePositionBExtended({ mmsi: id.mmsi, speed: sog, lon: s.lon, lat: s.lat, course: Math.round(s.cogDeg * 10) / 10, heading: null, second: Math.floor(t / 1000) % 60, shipname: id.shipname, shiptype: v.shiptype, ...v.dims, epfd: 1 });
            if (transmit(t, vi, toSentences(e19.payload, e19.fillBits, 'B', 0), s.lat, s.lon)) {
              counts.emittedPositions++;
              truth.onPosition(v, id.mmsi, t, s.lat, s.lon, sog, 'normal', s.lat, s.lon);
            }
          }
        }
      }
      for (const l of out) { counts.lines++; yield l; }
    }
    while (satQueue.size > 0) for (const l of satQueue.pop().v) { counts.lines++; yield l; }
    events = truth.finish(endMs, encounters, loiters);
    finished = true;
  }

  return {
    options: opts, startMs, endMs, vessels, counts, satPasses: passes, stations: reception.stations, portLayouts,
    lines: lines(),
    truth() {
      if (!finished) throw new Error('simulate(): exhaust `lines` before reading the truth');
      return { events, glitches: truth.glitches, unscored: truth.unscored };
    },
  };
}

