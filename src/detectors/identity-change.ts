// Identity changes, from static reports (AIS 5, 19, 24) and the MMSI itself:
// - a change of name, call sign, IMO or ship type on one MMSI (trivia — case, padding '@', repeated
//   spaces — normalised away, so re-transmissions of one name never fire);
// - an MMSI change for one IMO (the ship re-flags: new MMSI, often new MID = flag, name and call sign), via
//   a cross-vessel index IMO → MMSI; `mmsi` is the NEW MMSI;
// - an IMO number with a wrong check digit, and a ship MMSI whose MID the ITU has not allocated.
// Two ships sharing one MMSI make its static data flip-flop: a change whose old value comes back within
// `holdoffH` is dropped and the MMSI marked alternating (no more same-MMSI changes from it).
//
// Incremental over the global time-ordered stream of static reports AND positions (positions give the
// events their place and the old/new identity's last/first position times).
import type { TumenEvent } from '../events/schema.js';
import { distanceM, impliedSpeedKn, MS_PER_HOUR } from '../geo/sphere.js';
import { isImoPresent, isValidImo } from '../reference/imo.js';
import { flagOfMmsi, lookupMid, midOf } from '../reference/mid.js';
import type { Position } from '../tracks/position.js';
import type { Detector, StaticReport } from './detector.js';
import { eventId } from './event-id.js';
import { isoUtc, round } from './geo-stats.js';
import { IDENTITY_CHANGE_PARAMS } from './params.js';
import { isUsablePosition, moveFix, type Fix } from './fix.js';
import { corruptStaticReason } from './static-quality.js';
import { CoverageHours, type CoverageHoursState } from './coverage-hours.js';

export type IdentityChangeParams = { [K in keyof typeof IDENTITY_CHANGE_PARAMS]: (typeof IDENTITY_CHANGE_PARAMS)[K] extends boolean ? boolean : number };

const FIELDS = ['shipname', 'callsign', 'imo', 'shiptype'] as const;
type Field = (typeof FIELDS)[number];
type Value = string | number;

interface FieldState {
  value: Value | null;
  lastMs: number;
  candidate: { value: Value; count: number; firstMs: number } | null;
}

interface PendingChange {
  fields: Field[];
  old: Record<string, Value | null>;
  new: Record<string, Value | null>;
  startMs: number;
  endMs: number;
  pos: Fix | null;
}

interface VesselState {
  fields: Record<Field, FieldState>;
  /** Already one side of an MMSI change (old or new): not a candidate for an inferred handover. */
  linked: boolean;
  firstFix: Fix | null;
  lastFix: Fix | null;
  /** Usable positions seen (absent in old snapshots: taken as enough). */
  positions?: number;
  alternating: boolean;
  pending: PendingChange[];
  /** Events waiting for this vessel's first position (they need a place). */
  awaitingFix: TumenEvent[];
  reportedInvalidImos: number[];
  midChecked: boolean;
}

interface ImoClaim {
  mmsi: number;
  firstMs: number;
  lastMs: number;
}

export interface IdentityChangeState {
  kind: 'identity_change';
  vessels: Array<[number, VesselState]>;
  imos: Array<[number, ImoClaim]>;
  firstMs: number | null;
  lastMs: number | null;
  coverage: CoverageHoursState;
  /** Static reports skipped as corrupt, by reason; single-report values dropped when the old value came back. */
  rejects: Record<string, number>;
}

/** Words of anything but '@' and white space, one space between them: what normaliseText leaves as it is. */
const CLEAN_TEXT = /^[^@\s]+(?: [^@\s]+)*$/;

/** Upper case, '@' padding and repeated spaces removed; empty → null. */
export function normaliseText(s: string | null | undefined): string | null {
  if (s == null) return null;
  // Most names and call signs are stored clean already (one per static report: skip the three rewrites).
  if (CLEAN_TEXT.test(s) && s === s.toUpperCase()) return s;
  const t = s.replace(/@/g, ' ').replace(/\s+/g, ' ').trim().toUpperCase();
  return t === '' ? null : t;
}

function reportValue(s: StaticReport, f: Field): Value | null {
  switch (f) {
    case 'shipname': return normaliseText(s.shipname);
    case 'callsign': return normaliseText(s.callsign);
    case 'imo': return isImoPresent(s.imo) ? s.imo : null;
    case 'shiptype': return s.shiptype != null && s.shiptype > 0 ? s.shiptype : null;
  }
}

function newVessel(): VesselState {
  const f = (): FieldState => ({ value: null, lastMs: -1, candidate: null });
  return {
    fields: { shipname: f(), callsign: f(), imo: f(), shiptype: f() }, linked: false, firstFix: null, lastFix: null, positions: 0, alternating: false,
    pending: [], awaitingFix: [], reportedInvalidImos: [], midChecked: false,
  };
}

export class IdentityChangeDetector implements Detector<IdentityChangeState> {
  readonly name = 'identity_change';
  readonly params: IdentityChangeParams;
  private readonly vessels = new Map<number, VesselState>();
  private readonly imos = new Map<number, ImoClaim>();
  /** First and last position time of the whole stream. */
  private firstMs = Infinity;
  private lastMs = -Infinity;
  /** Who was heard where, hour by hour: a handover is never inferred across a hole in it. */
  private readonly coverage: CoverageHours;
  private readonly rejects: Record<string, number> = {};

  constructor(params: Partial<IdentityChangeParams> = {}, state?: IdentityChangeState) {
    this.params = { ...IDENTITY_CHANGE_PARAMS, ...params };
    if (state) {
      for (const [m, v] of structuredClone(state.vessels)) this.vessels.set(m, v);
      for (const [i, c] of state.imos) this.imos.set(i, { ...c });
      this.firstMs = state.firstMs ?? Infinity;
      this.lastMs = state.lastMs ?? -Infinity;
      Object.assign(this.rejects, state.rejects);
    }
    this.coverage = new CoverageHours(state?.coverage);
  }

  pushPosition(p: Position): TumenEvent[] {
    if (!isUsablePosition(p)) return []; // a GNSS glitch is no place for an event
    const v = this.vessel(p.mmsi);
    const out: TumenEvent[] = [];
    if (p.timeMs < this.firstMs) this.firstMs = p.timeMs;
    if (p.timeMs > this.lastMs) this.lastMs = p.timeMs;
    this.coverage.add(p.lat, p.lon, p.timeMs);
    if (!v.firstFix) {
      v.firstFix = { timeMs: p.timeMs, lat: p.lat, lon: p.lon };
      for (const e of v.awaitingFix) out.push({ ...e, lat: p.lat, lon: p.lon });
      v.awaitingFix = [];
    }
    v.lastFix = moveFix(v.lastFix, p);
    if (v.positions !== undefined) v.positions++;
    if (!v.midChecked) this.checkMid(p.mmsi, p.timeMs, v, out);
    if (v.pending.length > 0) this.release(p.mmsi, v, p.timeMs, out);
    return out;
  }

  pushStatic(s: StaticReport): TumenEvent[] {
    const corrupt = corruptStaticReason(s);
    if (corrupt) {
      this.rejects[corrupt] = (this.rejects[corrupt] ?? 0) + 1;
      return [];
    }
    const v = this.vessel(s.mmsi);
    const out: TumenEvent[] = [];
    this.checkMid(s.mmsi, s.timeMs, v, out);
    // Changes whose hold-off has passed are out first: a value coming back later is a new change.
    this.release(s.mmsi, v, s.timeMs, out);
    const changed: Field[] = [];
    const old: Record<string, Value | null> = {};
    let startMs = -1;
    let endMs = s.timeMs;
    for (const f of FIELDS) {
      const value = reportValue(s, f);
      if (value === null) continue;
      const st = v.fields[f];
      if (st.value === null) {
        st.value = value; // first sighting: nothing to compare with
        st.lastMs = s.timeMs;
        continue;
      }
      if (value === st.value) {
        st.lastMs = s.timeMs;
        // A, B, B, A: two sources, not a change. A, B, A with B heard once: one garbled report.
        if (st.candidate && st.candidate.count >= this.params.minConfirmingReports) v.alternating = true;
        else if (st.candidate) this.rejects.single_report_value = (this.rejects.single_report_value ?? 0) + 1;
        st.candidate = null;
        continue;
      }
      // A value that a held change replaced is back within the hold-off: alternation.
      if (v.pending.some((c) => c.fields.includes(f) && c.old[f] === value)) {
        v.alternating = true;
        v.pending = [];
      }
      if (st.candidate && st.candidate.value === value) st.candidate.count++;
      else st.candidate = { value, count: 1, firstMs: s.timeMs };
      if (st.candidate.count >= this.params.minConfirmingReports) {
        changed.push(f);
        old[f] = st.value;
        startMs = Math.max(startMs, st.lastMs);
        endMs = Math.min(endMs, st.candidate.firstMs);
        st.value = value;
        st.lastMs = s.timeMs;
        st.candidate = null;
      }
    }
    if (changed.length > 0 && !v.alternating) {
      const cur = this.identity(s.mmsi, v);
      v.pending.push({ fields: changed, old: { ...cur, ...old }, new: cur, startMs, endMs, pos: v.lastFix ? { ...v.lastFix } : null });
    }
    this.checkImo(s, v, out);
    return out;
  }

  flush(): TumenEvent[] {
    const out: TumenEvent[] = [];
    for (const [mmsi, v] of this.vessels) {
      this.release(mmsi, v, Infinity, out);
      for (const e of v.awaitingFix) out.push({ ...e, lat: NaN, lon: NaN });
      v.awaitingFix = [];
    }
    if (this.params.inferMmsiHandover) out.push(...this.inferHandovers());
    return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.mmsi - b.mmsi));
  }

  snapshot(): IdentityChangeState {
    return structuredClone({
      kind: 'identity_change' as const, vessels: [...this.vessels], imos: [...this.imos],
      firstMs: Number.isFinite(this.firstMs) ? this.firstMs : null, lastMs: Number.isFinite(this.lastMs) ? this.lastMs : null,
      coverage: this.coverage.snapshot(), rejects: this.rejects,
    });
  }

  /** Static reports skipped (corrupt, by reason) and single-report values the old value overruled. */
  get rejectCounts(): Readonly<Record<string, number>> {
    return this.rejects;
  }

  /**
   * End of data: MMSIs that fell silent for good, paired with MMSIs first heard later (well after the data
   * began) that never broadcast an IMO — each new MMSI with the vanished one it is reachable from at the
   * lowest speed, one to one. Only decidable at the end (the old one must never come back). Only with
   * evidence (issue 8): never across a hole in the store's coverage (nobody heard near either end for more
   * than `handoverMaxCoverageHoleH` during the silence — e.g. between two capture files), never when both
   * identities broadcast a name or call sign and they differ (no shared IMO can vouch: the new MMSI has
   * none), never from an old MMSI heard fewer than `handoverMinOldPositions` times (a glimpse, not a
   * track). Confidence 3 when a name or call sign carries over, 2 when the new MMSI broadcast neither.
   */
  private inferHandovers(): TumenEvent[] {
    const p = this.params;
    const olds: Array<[number, VesselState]> = [];
    const news: Array<[number, VesselState]> = [];
    for (const [m, v] of this.vessels) {
      if (v.linked || !v.firstFix || !v.lastFix) continue;
      if (this.lastMs - v.lastFix.timeMs >= p.handoverMinSilenceH * MS_PER_HOUR && (v.positions ?? Infinity) >= p.handoverMinOldPositions) olds.push([m, v]);
      if (v.firstFix.timeMs - this.firstMs >= p.handoverNewAfterH * MS_PER_HOUR && v.fields.imo.value === null) news.push([m, v]);
    }
    const pairs: Array<{ oldM: number; newM: number; speedKn: number; silentMs: number; confidence: number; holeH: number }> = [];
    for (const [nm, nv] of news) {
      for (const [om, ov] of olds) {
        if (om === nm) continue;
        const silentMs = nv.firstFix!.timeMs - ov.lastFix!.timeMs;
        if (silentMs < p.handoverMinSilenceH * MS_PER_HOUR || silentMs > p.handoverMaxSilenceH * MS_PER_HOUR) continue;
        const speedKn = impliedSpeedKn(distanceM(ov.lastFix!.lat, ov.lastFix!.lon, nv.firstFix!.lat, nv.firstFix!.lon), silentMs);
        if (speedKn > p.handoverMaxSpeedKn) continue;
        const names = nameAgreement(ov, nv);
        if (names === 'conflict') continue;
        const holeH = this.coverage.longestSilenceH([ov.lastFix!, nv.firstFix!], ov.lastFix!.timeMs, nv.firstFix!.timeMs);
        if (holeH > p.handoverMaxCoverageHoleH) continue;
        pairs.push({ oldM: om, newM: nm, speedKn, silentMs, confidence: names === 'shared' ? 3 : 2, holeH });
      }
    }
    pairs.sort((a, b) => b.confidence - a.confidence || a.speedKn - b.speedKn || a.newM - b.newM || a.oldM - b.oldM);
    const used = new Set<number>();
    const out: TumenEvent[] = [];
    for (const pr of pairs) {
      if (used.has(pr.oldM) || used.has(pr.newM)) continue;
      used.add(pr.oldM);
      used.add(pr.newM);
      const ov = this.vessels.get(pr.oldM)!, nv = this.vessels.get(pr.newM)!;
      const oldId = pick(this.identity(pr.oldM, ov)), newId = pick(this.identity(pr.newM, nv));
      out.push({
        id: eventId('identity_change', pr.newM, nv.firstFix!.timeMs, `handover:${pr.oldM}`), type: 'identity_change', mmsi: pr.newM,
        start: isoUtc(ov.lastFix!.timeMs), end: isoUtc(nv.firstFix!.timeMs), lat: nv.firstFix!.lat, lon: nv.firstFix!.lon,
        old: oldId, new: newId,
        evidence: {
          kind: 'mmsi_handover_inferred', old_mmsi: pr.oldM, silent_h: round(pr.silentMs / MS_PER_HOUR, 3),
          required_speed_kn: round(pr.speedKn, 2), confidence: pr.confidence, coverage_hole_h: pr.holeH,
          reason: pr.confidence === 3
            ? 'old MMSI silent ever since; new MMSI first heard later, within reach, without an IMO, carrying its name or call sign; others heard nearby throughout'
            : 'old MMSI silent ever since; new MMSI first heard later, within reach, without an IMO, name or call sign; others heard nearby throughout',
        },
      });
    }
    return out;
  }

  private vessel(mmsi: number): VesselState {
    let v = this.vessels.get(mmsi);
    if (!v) this.vessels.set(mmsi, (v = newVessel()));
    return v;
  }

  private identity(mmsi: number, v: VesselState): Record<string, Value | null> {
    return {
      mmsi, shipname: v.fields.shipname.value, callsign: v.fields.callsign.value, imo: v.fields.imo.value,
      shiptype: v.fields.shiptype.value, flag: flagOfMmsi(mmsi),
    };
  }

  /** Held same-MMSI changes whose hold-off has passed become events. */
  private release(mmsi: number, v: VesselState, nowMs: number, out: TumenEvent[]): void {
    if (v.pending.length === 0) return;
    const holdMs = this.params.holdoffH * MS_PER_HOUR;
    const keep: PendingChange[] = [];
    for (const c of v.pending) {
      if (nowMs - c.endMs < holdMs) {
        keep.push(c);
        continue;
      }
      const e: TumenEvent = {
        id: eventId('identity_change', mmsi, c.endMs, c.fields.join(',')),
        type: 'identity_change', mmsi, start: isoUtc(c.startMs), end: isoUtc(c.endMs),
        lat: c.pos?.lat ?? NaN, lon: c.pos?.lon ?? NaN, old: c.old, new: c.new,
        evidence: { kind: 'static_change', fields: c.fields, holdoff_h: this.params.holdoffH, confirming_reports: this.params.minConfirmingReports, weak: this.params.minConfirmingReports < 2 },
      };
      out.push(e);
    }
    v.pending = keep;
  }

  /** IMO check digit, and the IMO → MMSI index for MMSI changes. */
  private checkImo(s: StaticReport, v: VesselState, out: TumenEvent[]): void {
    const imo = isImoPresent(s.imo) ? s.imo : null;
    if (imo === null) return;
    if (!isValidImo(imo)) {
      if (this.params.reportInvalidImo && !v.reportedInvalidImos.includes(imo)) {
        v.reportedInvalidImos.push(imo);
        this.place(v, out, v.lastFix, {
          id: eventId('identity_change', s.mmsi, s.timeMs, `invalid_imo:${imo}`), type: 'identity_change', mmsi: s.mmsi,
          start: isoUtc(s.timeMs), end: isoUtc(s.timeMs), lat: NaN, lon: NaN, old: { imo }, new: { imo },
          evidence: { kind: 'invalid_imo', imo, reason: 'IMO check digit does not match (IMO Res. A.1117(30))' },
        });
      }
      return;
    }
    if (v.fields.imo.value !== imo) return; // only a confirmed IMO claims the number
    const claim = this.imos.get(imo);
    if (!claim) {
      this.imos.set(imo, { mmsi: s.mmsi, firstMs: s.timeMs, lastMs: s.timeMs });
      return;
    }
    if (claim.mmsi === s.mmsi) {
      claim.lastMs = s.timeMs;
      return;
    }
    const oldMmsi = claim.mmsi;
    const oldV = this.vessels.get(oldMmsi);
    const handover = claim.lastMs < s.timeMs && (!oldV?.lastFix || !v.firstFix || oldV.lastFix.timeMs <= v.firstFix.timeMs);
    this.imos.set(imo, { mmsi: s.mmsi, firstMs: s.timeMs, lastMs: s.timeMs });
    if (!handover || !oldV) return; // both transmit at once: a duplicated IMO, not a change
    oldV.linked = true;
    v.linked = true;
    const startMs = oldV.lastFix?.timeMs ?? claim.lastMs;
    const endMs = v.firstFix?.timeMs ?? s.timeMs;
    const oldId = this.identity(oldMmsi, oldV);
    const newId = this.identity(s.mmsi, v);
    const changedFields = ['mmsi', ...['shipname', 'callsign', 'flag', 'shiptype'].filter((k) => oldId[k] !== newId[k])];
    this.place(v, out, v.firstFix, {
      id: eventId('identity_change', s.mmsi, endMs, `mmsi:${oldMmsi}`), type: 'identity_change', mmsi: s.mmsi,
      start: isoUtc(startMs), end: isoUtc(endMs), lat: v.firstFix?.lat ?? NaN, lon: v.firstFix?.lon ?? NaN,
      old: pick(oldId), new: pick(newId),
      evidence: {
        kind: 'mmsi_change', imo, fields: changedFields, old_mmsi: oldMmsi,
        silent_h: round((endMs - startMs) / MS_PER_HOUR, 3),
      },
    });
  }

  /** A ship MMSI whose MID is not allocated: once per MMSI. */
  private checkMid(mmsi: number, timeMs: number, v: VesselState, out: TumenEvent[]): void {
    if (v.midChecked) return;
    v.midChecked = true;
    const mid = midOf(mmsi);
    if (!this.params.reportUnallocatedMid || mid === null || lookupMid(mid)) return;
    this.place(v, out, v.lastFix, {
      id: eventId('identity_change', mmsi, timeMs, `mid:${mid}`), type: 'identity_change', mmsi,
      start: isoUtc(timeMs), end: isoUtc(timeMs), lat: NaN, lon: NaN, old: { mmsi, mid }, new: { mmsi, mid },
      evidence: { kind: 'mid_unallocated', mid, reason: 'MID not in the ITU table of Maritime Identification Digits' },
    });
  }

  /** Emit at `fix`, or — when the vessel has no position yet — hold until its first one. */
  private place(v: VesselState, out: TumenEvent[], fix: Fix | null, e: TumenEvent): void {
    if (fix) out.push({ ...e, lat: fix.lat, lon: fix.lon });
    else v.awaitingFix.push(e);
  }
}

/** Do the two identities share a name or call sign, broadcast different ones, or is one side silent? */
function nameAgreement(a: VesselState, b: VesselState): 'shared' | 'conflict' | 'unknown' {
  let shared = false;
  for (const f of ['shipname', 'callsign'] as const) {
    const x = a.fields[f].value, y = b.fields[f].value;
    if (x === null || y === null) continue;
    if (x !== y) return 'conflict';
    shared = true;
  }
  return shared ? 'shared' : 'unknown';
}

function pick(id: Record<string, Value | null>): Record<string, Value | null> {
  return { mmsi: id.mmsi ?? null, shipname: id.shipname ?? null, callsign: id.callsign ?? null, flag: id.flag ?? null, imo: id.imo ?? null };
}

export function createIdentityChangeDetector(params: Partial<IdentityChangeParams> = {}): IdentityChangeDetector {
  return new IdentityChangeDetector(params);
}

export function restoreIdentityChangeDetector(state: IdentityChangeState, params: Partial<IdentityChangeParams> = {}): IdentityChangeDetector {
  return new IdentityChangeDetector(params, state);
}
