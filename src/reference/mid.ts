// MMSI → Maritime Identification Digits → flag state, from the ITU MID table (see data/SOURCE.md).
// A ship station MMSI is MIDxxxxxx (first digit 2–7, ITU-R M.585); other MMSI forms (coast stations,
// groups, SAR aircraft, aids to navigation, handhelds, AIS-SART/MOB/EPIRB) carry no ship flag.
import midTable from './data/mid.json' with { type: 'json' };

export interface MidEntry {
  mid: number;
  /** ISO 3166-1 alpha-2. */
  iso2: string;
  country: string;
  /** The ITU's wording of the administration. */
  allocatedTo: string;
}

type RawMid = { iso2: string | null; country: string; allocated_to: string | null };
const TABLE = midTable as Record<string, RawMid>;

export type MmsiKind = 'ship' | 'coast_station' | 'group' | 'sar_aircraft' | 'aid_to_navigation'
  | 'auxiliary_craft' | 'handheld' | 'sart_mob_epirb' | 'invalid';

/** The kind of station an MMSI denotes (ITU-R M.585 annex 1–8). */
export function mmsiKind(mmsi: number): MmsiKind {
  if (!Number.isInteger(mmsi) || mmsi < 0 || mmsi > 999_999_999) return 'invalid';
  const s = String(mmsi).padStart(9, '0');
  if (s.startsWith('00')) return 'coast_station';
  if (s.startsWith('0')) return 'group';
  if (s.startsWith('111')) return 'sar_aircraft';
  if (s.startsWith('970') || s.startsWith('972') || s.startsWith('974')) return 'sart_mob_epirb';
  if (s.startsWith('98')) return 'auxiliary_craft';
  if (s.startsWith('99')) return 'aid_to_navigation';
  if (s.startsWith('8')) return 'handheld';
  if (/^[2-7]/.test(s)) return 'ship';
  return 'invalid';
}

/** The MID of a ship-station MMSI (first three digits), or null for other MMSI forms. */
export function midOf(mmsi: number): number | null {
  return mmsiKind(mmsi) === 'ship' ? Math.floor(mmsi / 1_000_000) : null;
}

export function lookupMid(mid: number): MidEntry | null {
  const row = TABLE[String(mid)];
  if (!row || !row.iso2) return null;
  return { mid, iso2: row.iso2, country: row.country, allocatedTo: row.allocated_to ?? row.country };
}

/** Flag (ISO2) of a ship-station MMSI via its MID; null if not a ship MMSI or the MID is not allocated. */
export function flagOfMmsi(mmsi: number): string | null {
  const mid = midOf(mmsi);
  return mid === null ? null : lookupMid(mid)?.iso2 ?? null;
}
