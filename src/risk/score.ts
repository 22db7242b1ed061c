// An explainable risk score for one vessel: a pure function of its list matches, its events and its
// identity history. Every indicator carries its points, how they were counted and the evidence (event
// ids, list entries, values), so an analyst can check each one. Weights: ./weights.ts, docs/risk.md.
import type { TumenEvent } from '../events/schema.js';
import type { ScreenResult } from '../screening/types.js';
import { PORTS_OF_INTEREST, type PortOfInterest } from '../reference/ports-of-interest.js';
import { flagOfMmsi } from '../reference/mid.js';
import { isFlagOfConvenience } from '../reference/flags-of-convenience.js';
import { distanceM } from '../geo/sphere.js';
import { RISK_LEVELS, RISK_WEIGHTS, type RiskLevel } from './weights.js';

export interface IdentityObservation {
  mmsi: number;
  field: string;
  value: string;
  first_seen: string;
  last_seen: string;
}

/** What is known of an encounter partner (its own list status and risk, computed without hops). */
export interface Counterparty {
  mmsi: number;
  listed: boolean;
  level: RiskLevel;
  /** "list#entry_id" of its matches. */
  entries: string[];
}

export interface RiskInput {
  /** The vessel's MMSIs (several when one IMO used several). */
  mmsis: readonly number[];
  screening: ScreenResult | null;
  events: readonly TumenEvent[];
  identities: readonly IdentityObservation[];
  counterparties?: ReadonlyMap<number, Counterparty>;
  ports?: readonly PortOfInterest[];
  weights?: typeof RISK_WEIGHTS;
}

export interface RiskIndicator {
  id: string;
  label: string;
  points: number;
  count: number;
  /** How the points were computed, e.g. "2 x 60, cap 100". */
  rule: string;
  evidence: { event_ids: string[]; list_entries: string[]; values: string[] };
}

export interface RiskAssessment {
  level: RiskLevel;
  score: number;
  indicators: RiskIndicator[];
}

type Role = PortOfInterest['role'];

function poiOf(e: TumenEvent, ports: readonly PortOfInterest[], withinKm: number): PortOfInterest | null {
  const byId = e.port ? ports.find((p) => p.id === e.port!.id) : undefined;
  if (byId) return byId;
  let best: PortOfInterest | null = null;
  let bestM = withinKm * 1000;
  if (Number.isFinite(e.lat) && Number.isFinite(e.lon)) {
    for (const p of ports) {
      const d = distanceM(e.lat, e.lon, p.lat, p.lon);
      if (d <= bestM) { best = p; bestM = d; }
    }
  }
  if (best) return best;
  // A DPRK port outside the curated list is still a DPRK port.
  if (e.port?.country === 'KP') return { id: e.port.id, name: e.port.name, country: 'KP', lat: e.lat, lon: e.lon, role: 'dprk_port', source: 'event port country' };
  return null;
}

function nearPort(lat: unknown, lon: unknown, ports: readonly PortOfInterest[], km: number): PortOfInterest | null {
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  let best: PortOfInterest | null = null;
  let bestM = km * 1000;
  for (const p of ports) {
    const d = distanceM(lat, lon, p.lat, p.lon);
    if (d <= bestM) { best = p; bestM = d; }
  }
  return best;
}

class Tally {
  points = 0;
  count = 0;
  parts: string[] = [];
  readonly evidence = { event_ids: [] as string[], list_entries: [] as string[], values: [] as string[] };
  add(points: number, eventId?: string, value?: string): void {
    this.points += points;
    this.count++;
    if (eventId && !this.evidence.event_ids.includes(eventId)) this.evidence.event_ids.push(eventId);
    if (value && !this.evidence.values.includes(value)) this.evidence.values.push(value);
  }
  indicator(id: string, label: string, cap: number | null, rule?: string): RiskIndicator | null {
    if (this.count === 0) return null;
    const points = cap === null ? this.points : Math.min(cap, this.points);
    return { id, label, points, count: this.count, rule: rule ?? `${this.parts.join(' + ') || this.points}${cap !== null && this.points > cap ? `, capped at ${cap}` : ''}`, evidence: this.evidence };
  }
}

export function assessRisk(input: RiskInput): RiskAssessment {
  const W = input.weights ?? RISK_WEIGHTS;
  const ports = input.ports ?? PORTS_OF_INTEREST;
  const mine = new Set(input.mmsis);
  const out: Array<RiskIndicator | null> = [];

  // Sanctions lists.
  const s = input.screening;
  if (s && s.verdict !== 'clear') {
    const t = new Tally();
    const best = s.matches.filter((m) => s.verdict !== 'match' || m.verdict === 'match');
    t.add(s.verdict === 'match' ? W.sanctionsMatch : W.possibleSanctionsMatch);
    t.evidence.list_entries.push(...best.map((m) => `${m.list}#${m.entry_id} ${m.name} (${m.score}, ${m.matched_on.join('+')})`));
    out.push(s.verdict === 'match'
      ? t.indicator('sanctions_match', 'On a sanctions list', null, `match: ${W.sanctionsMatch}`)
      : t.indicator('possible_sanctions_match', 'Possible sanctions-list match (needs review)', null, `possible: ${W.possibleSanctionsMatch}`));
  }

  const own = input.events.filter((e) => mine.has(e.mmsi));
  const byType = (type: TumenEvent['type']): TumenEvent[] => own.filter((e) => e.type === type);

  // Visible port calls at ports of interest.
  {
    const t = new Tally();
    for (const e of byType('port_visit')) {
      const p = poiOf(e, ports, W.portMatchKm);
      const w = p ? W.portCallByRole[p.role as Role] ?? 0 : 0;
      if (!p || w === 0) continue;
      t.add(w, e.id, `${p.name} (${p.role}) ${e.start.slice(0, 10)}`);
      t.parts.push(String(w));
    }
    out.push(t.indicator('port_call_poi', 'Port calls at ports of interest', W.portCallCap));
  }
  // Dark port calls (inferred from gaps) at ports of interest.
  {
    const t = new Tally();
    for (const e of byType('dark_port_call')) {
      const p = e.port ? ports.find((x) => x.id === e.port!.id) ?? (e.port.country === 'KP' ? { ...e.port, role: 'dprk_port' as Role } : null) : null;
      const w = p ? W.darkPortCallByRole[p.role] ?? 0 : 0;
      if (!p || w === 0) continue;
      t.add(w, e.id, `${p.name} (${p.role}) ${e.start.slice(0, 10)}, ${e.duration_h ?? '?'} h dark`);
      t.parts.push(String(w));
    }
    out.push(t.indicator('dark_port_call_poi', 'Dark port calls inferred at ports of interest', W.darkPortCallCap));
  }
  // Intentional gaps, near ports of interest or elsewhere.
  {
    const near = new Tally();
    const other = new Tally();
    for (const e of byType('gap')) {
      if (!e.intentional) continue;
      const ev = e.evidence as Record<string, unknown>;
      const p = nearPort(e.lat, e.lon, ports, W.gapNearPortKm) ?? nearPort(ev.end_lat, ev.end_lon, ports, W.gapNearPortKm);
      if (p) { near.add(W.intentionalGapNearPort, e.id, `${e.duration_h ?? '?'} h near ${p.name}`); near.parts.push(String(W.intentionalGapNearPort)); }
      else { other.add(W.intentionalGap, e.id, `${e.duration_h ?? '?'} h`); other.parts.push(String(W.intentionalGap)); }
    }
    out.push(near.indicator('intentional_gap_near_poi', `Intentional AIS gaps within ${W.gapNearPortKm} km of ports of interest`, W.intentionalGapNearPortCap));
    out.push(other.indicator('intentional_gap', 'Other intentional AIS gaps', W.intentionalGapCap));
  }
  // Encounters with listed or high-risk vessels (one hop).
  {
    const t = new Tally();
    for (const e of input.events) {
      if (e.type !== 'encounter') continue;
      const partner = mine.has(e.mmsi) ? e.other_mmsi : e.other_mmsi !== undefined && mine.has(e.other_mmsi) ? e.mmsi : undefined;
      if (partner === undefined || mine.has(partner)) continue;
      const cp = input.counterparties?.get(partner);
      if (!cp) continue;
      const w = cp.listed || cp.level === 'sanctioned' ? W.encounterListed : cp.level === 'high' ? W.encounterHighRisk : 0;
      if (w === 0) continue;
      t.add(w, e.id, `${partner} (${cp.listed ? 'listed' : cp.level}) ${e.start.slice(0, 10)}`);
      for (const le of cp.entries) if (!t.evidence.list_entries.includes(le)) t.evidence.list_entries.push(le);
      t.parts.push(String(w));
    }
    out.push(t.indicator('encounter_risky_vessel', 'Encounters with listed or high-risk vessels', W.encounterCap));
  }
  // Spoofing and shared MMSIs.
  {
    const t = new Tally();
    for (const e of [...byType('spoofing'), ...byType('shared_mmsi')]) { t.add(W.spoofing, e.id, e.type); t.parts.push(String(W.spoofing)); }
    out.push(t.indicator('spoofing', 'Position spoofing or a shared MMSI', W.spoofingCap));
  }
  // Seen on satellite imagery with AIS off (dark_detection events naming this vessel).
  {
    const t = new Tally();
    for (const e of byType('dark_detection')) {
      const ev = e.evidence as { scene_id?: string; identity_score?: number };
      const w = (ev.identity_score ?? 0) >= W.seenDarkMinIdentityScore ? W.seenDark : W.seenDarkWeak;
      t.add(w, e.id, `${ev.scene_id ?? 'scene'} ${e.start.slice(0, 16)}`);
      t.parts.push(String(w));
    }
    out.push(t.indicator('seen_dark_on_imagery', 'Seen on satellite imagery with AIS off', W.seenDarkCap));
  }
  // Identity changes: detector events, else the identity history's distinct values.
  {
    const t = new Tally();
    const changeEvents = byType('identity_change');
    for (const e of changeEvents) {
      const fields = ((e.evidence as Record<string, unknown>).fields as string[] | undefined) ?? Object.keys(e.new ?? {});
      const kind = (e.evidence as Record<string, unknown>).kind;
      t.add(W.identityChange, e.id, kind === 'invalid_imo' ? `invalid IMO ${String(e.old?.imo ?? '')}` : `${fields.join('+')}: ${fmt(e.old)} -> ${fmt(e.new)}`);
      t.parts.push(String(W.identityChange));
    }
    if (changeEvents.length === 0) {
      for (const field of ['shipname', 'callsign', 'imo']) {
        const runs = input.identities.filter((r) => r.field === field && mine.has(r.mmsi)).sort((a, b) => (a.first_seen < b.first_seen ? -1 : 1));
        for (let i = 1; i < runs.length; i++) {
          if (runs[i].value === runs[i - 1].value) continue;
          t.add(W.identityChange, undefined, `${field}: ${runs[i - 1].value} -> ${runs[i].value} (${runs[i].first_seen.slice(0, 10)})`);
          t.parts.push(String(W.identityChange));
        }
      }
    }
    out.push(t.indicator('identity_change', 'Identity changes (name, call sign, IMO, MMSI)', W.identityChangeCap));
  }
  // Flag hopping: flags of its MMSIs (via MID), identity-change events, and any flag field in history.
  const flags: string[] = [];
  const addFlag = (f: unknown): void => { if (typeof f === 'string' && f && !flags.includes(f.toUpperCase())) flags.push(f.toUpperCase()); };
  const mmsisByLastSeen = [...mine].sort((a, b) => lastSeen(input.identities, a).localeCompare(lastSeen(input.identities, b)));
  for (const m of mmsisByLastSeen) addFlag(flagOfMmsi(m));
  for (const e of byType('identity_change')) { addFlag(e.old?.flag); addFlag(e.new?.flag); }
  for (const r of input.identities) if (r.field === 'flag' && mine.has(r.mmsi)) addFlag(r.value);
  if (flags.length > 1) {
    const t = new Tally();
    for (let i = 1; i < flags.length; i++) { t.add(W.flagHop, undefined, `${flags[i - 1]} -> ${flags[i]}`); t.parts.push(String(W.flagHop)); }
    out.push(t.indicator('flag_hopping', 'Flag changes', W.flagHopCap));
  }
  // Draught changes across a dark period.
  {
    const t = new Tally();
    for (const e of byType('draught_change')) {
      const ev = e.evidence as Record<string, unknown>;
      if (ev.across_gap !== true) continue;
      t.add(W.draughtChangeDark, e.id, `${e.before_m ?? '?'} m -> ${e.after_m ?? '?'} m (${String(ev.direction ?? '')}, ${String(ev.gap_h ?? '?')} h dark)`);
      t.parts.push(String(W.draughtChangeDark));
    }
    out.push(t.indicator('draught_change_dark', 'Draught changes across a dark period', W.draughtChangeDarkCap));
  }
  // Flag of convenience (the current flag: of the most recently seen MMSI).
  const current = mmsisByLastSeen.length > 0 ? flagOfMmsi(mmsisByLastSeen[mmsisByLastSeen.length - 1]) : null;
  if (isFlagOfConvenience(current)) {
    const t = new Tally();
    t.add(W.flagOfConvenience, undefined, current!);
    out.push(t.indicator('flag_of_convenience', 'Flag of convenience (ITF list)', null));
  }

  const indicators = out.filter((x): x is RiskIndicator => x !== null && x.points > 0);
  const score = indicators.reduce((a, x) => a + x.points, 0);
  const level: RiskLevel = s?.verdict === 'match' ? 'sanctioned'
    : score >= RISK_LEVELS.highMinPoints ? 'high' : score >= RISK_LEVELS.mediumMinPoints ? 'medium' : 'low';
  return { level, score, indicators };
}

function lastSeen(ids: readonly IdentityObservation[], mmsi: number): string {
  let best = '';
  for (const r of ids) if (r.mmsi === mmsi && r.last_seen > best) best = r.last_seen;
  return best;
}

function fmt(o: Record<string, unknown> | undefined): string {
  if (!o) return '?';
  return Object.entries(o).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => `${k}=${String(v)}`).join(',');
}
