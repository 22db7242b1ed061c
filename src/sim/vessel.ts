// A simulated ship: what it is, how it moves (phases), and what its transponder says when (identities,
// draught, dark windows, fabricated tracks). Built by fleet.ts and scenarios.ts, read by world.ts.
import type { Phase } from './plan.js';

export type Role =
  | 'cargo' | 'tanker' | 'ferry' | 'fishing'
  | 'arms_shuttle' | 'dprk_tanker' | 'sts_pair' | 'sts_one_sided' | 'dark_partner' | 'loiterer'
  | 'spoofer' | 'identity_changer' | 'shared_mmsi';

export interface SimIdentity {
  fromMs: number;
  mmsi: number;
  imo: number;
  shipname: string;
  callsign: string;
  flag: string;
}

export interface DarkWindow {
  startMs: number;
  endMs: number;
  /** The port stay this dark period hides, if any. */
  portStay: { portId: string; arriveMs: number; departMs: number } | null;
}

export interface SpoofWindow {
  startMs: number;
  endMs: number;
  lat0: number;
  lon0: number;
  courseDeg: number;
  speedKn: number;
  /** Navigational status broadcast with the fabricated positions (0 under way, 1 at anchor). */
  claimedStatus: number;
}

export interface Dimensions {
  to_bow: number;
  to_stern: number;
  to_port: number;
  to_starboard: number;
}

export interface SimVessel {
  index: number;
  role: Role;
  cls: 'A' | 'B';
  /** False for a partner that never transmits. */
  transmits: boolean;
  shiptype: number;
  dims: Dimensions;
  /** Class B boats that also send type 19. */
  sendsType19: boolean;
  identities: SimIdentity[];
  draughts: Array<{ fromMs: number; m: number }>;
  darkWindows: DarkWindow[];
  spoofs: SpoofWindow[];
  phases: Phase[];
  destination: string;
  /** Human-readable script for truth/vessels.jsonl. */
  script: Array<Record<string, unknown>>;
}

export function identityAt(v: SimVessel, t: number): SimIdentity {
  let id = v.identities[0]!;
  for (const x of v.identities) if (x.fromMs <= t) id = x;
  return id;
}

export function draughtAt(v: SimVessel, t: number): number {
  let d = v.draughts[0]?.m ?? 0;
  for (const x of v.draughts) if (x.fromMs <= t) d = x.m;
  return d;
}

export function isDark(v: SimVessel, t: number): boolean {
  for (const w of v.darkWindows) if (t >= w.startMs && t < w.endMs) return true;
  return false;
}

export function spoofAt(v: SimVessel, t: number): SpoofWindow | null {
  for (const s of v.spoofs) if (t >= s.startMs && t < s.endMs) return s;
  return null;
}
