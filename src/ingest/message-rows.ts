// What of a decoded AIS message goes into the store: positions (types 1-3, 9, 18, 19, 27) and static
// reports (types 5, 19, 24). Zero/empty "not available" identity values become null (ITU-R M.1371-5:
// IMO 0, ship type 0, dimensions 0 and draught 0 mean "not available").
import type { AisMessage } from '../ais/index.js';

export const POSITION_TYPES = new Set([1, 2, 3, 9, 18, 19, 27]);
export const STATIC_TYPES = new Set([5, 19, 24]);

export function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function positive(v: unknown): number | null {
  const n = num(v);
  return n === null || n <= 0 ? null : n;
}

function text(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t.length === 0 ? null : t;
}

export interface StaticFields {
  mmsi: number;
  timeMs: number;
  type: number;
  /** 0 unknown, 1 terrestrial, 2 satellite. */
  source: number;
  stations: string | null;
  imo: number | null;
  shipname: string | null;
  callsign: string | null;
  shiptype: number | null;
  toBow: number | null;
  toStern: number | null;
  toPort: number | null;
  toStarboard: number | null;
  draught: number | null;
  destination: string | null;
}

/** Identity fields of a type 5/19/24 message; null when it carries none (e.g. type 24 part B without data). */
export function staticFields(m: AisMessage): StaticFields | null {
  // Built as one literal (an object spread of it costs more than the decoding, measured).
  const f: StaticFields = {
    mmsi: m.mmsi,
    timeMs: 0,
    type: m.type,
    source: 0,
    stations: null,
    imo: m.type === 5 ? positive(m.imo) : null,
    // A type 24 part B's name is its part A's (merged by the decoder): the part A row holds it already, and
    // whether a part B gets it depends on where a file was split or resumed, which must not change the store.
    shipname: m.type === 24 && m.partno === 1 ? null : text(m.shipname),
    callsign: text(m.callsign),
    shiptype: positive(m.shiptype),
    toBow: positive(m.to_bow),
    toStern: positive(m.to_stern),
    toPort: positive(m.to_port),
    toStarboard: positive(m.to_starboard),
    draught: m.type === 5 ? positive(m.draught) : null,
    destination: m.type === 5 ? text(m.destination) : null,
  };
  const any = f.imo !== null || f.shipname !== null || f.callsign !== null || f.shiptype !== null || f.toBow !== null
    || f.toStern !== null || f.toPort !== null || f.toStarboard !== null || f.draught !== null || f.destination !== null;
  return any ? f : null;
}
