// Is a static report (AIS 5, 19, 24) too damaged to use? Real captures carry reports whose bits were
// corrupted on the way yet passed the NMEA checksum (or came from a broken transponder): a reserved ship
// type together with a garbled name, a draught of 20 m on a coaster. One such report must not make a
// static change or a draught change (issue 8), so the identity and draught detectors skip these reports
// and count them.
import type { StaticReport } from './detector.js';

export type CorruptStaticReason = 'reserved_shiptype' | 'garbled_text';

/** Characters the AIS six-bit alphabet allows but names and call signs practically never use. */
const RARE_TEXT_CHARS = /[!"#$%*+:;<=>?[\\\]^_`{|}~]/g;

/** ITU-R M.1371 Table 53: 1–19 and 200–255 are reserved for future use (100–199: regional use, kept). */
export function isReservedShiptype(shiptype: number | null): boolean {
  return shiptype != null && ((shiptype >= 1 && shiptype <= 19) || shiptype >= 200);
}

/** Text with two or more rare characters, or more than a quarter of them, is bit noise, not a name. */
export function isGarbledText(text: string | null): boolean {
  if (text == null) return false;
  const t = text.replace(/@/g, '').trim();
  if (t === '') return false;
  const rare = t.match(RARE_TEXT_CHARS)?.length ?? 0;
  return rare >= 2 || rare / t.length > 0.25;
}

/** Why the report is unusable, or null when it looks sound. */
export function corruptStaticReason(s: StaticReport): CorruptStaticReason | null {
  if (isReservedShiptype(s.shiptype)) return 'reserved_shiptype';
  if (isGarbledText(s.shipname) || isGarbledText(s.callsign)) return 'garbled_text';
  return null;
}
