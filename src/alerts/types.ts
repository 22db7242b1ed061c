// Watch rules and the alerts they raise, as plain data (stored as JSON, sent over SSE and webhooks).
import type { PortRef } from '../events/schema.js';

export const RULE_KINDS = ['dark_near_port', 'listed_encounter', 'listed_active'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const RULE_KIND_LABELS: Record<RuleKind, string> = {
  dark_near_port: 'watched ship goes dark near a port of interest',
  listed_encounter: 'encounter involving a listed ship',
  listed_active: 'listed ship active (first AIS after a silence)',
};

interface RuleBase {
  /** Content-derived (src/alerts/rules.ts): the same definition is the same rule. */
  id: string;
  /** Free text the desk gives the rule ("Rajin run"). */
  label: string | null;
}

export interface DarkNearPortRule extends RuleBase {
  kind: 'dark_near_port';
  /** The ship watched: an IMO (every MMSI that reports it), or an MMSI where no IMO is known. */
  imo: string | null;
  mmsi: number | null;
  /** Port-of-interest ids (src/reference/ports-of-interest.ts); empty = every port of interest. */
  ports: string[];
  withinKm: number;
  afterH: number;
  /** Alert on every silence, coverage holes too (default: only silences the gap detector's reception
   *  evidence calls intentional). Absent when false, so older rules keep their ids. */
  anySilence?: true;
}

export interface ListedEncounterRule extends RuleBase {
  kind: 'listed_encounter';
  /** List names; empty = every loaded list. */
  lists: string[];
}

export interface ListedActiveRule extends RuleBase {
  kind: 'listed_active';
  lists: string[];
  quietH: number;
}

export type WatchRule = DarkNearPortRule | ListedEncounterRule | ListedActiveRule;

/** Why a ship counts as listed: an identifier (IMO or MMSI) on a loaded list's entry. */
export interface Listing {
  list: string;
  version: string | null;
  /** The list entry's name and key (e.g. OFAC uid). */
  name: string;
  key: string;
  matched_on: 'imo' | 'mmsi';
  value: string;
}

export interface Alert {
  /** Content-derived: rule id, MMSI and the time the condition began; the same input raises the same id. */
  id: string;
  rule_id: string;
  kind: RuleKind;
  mmsi: number;
  other_mmsi?: number;
  /** ISO-8601 UTC: when the condition began (last position before going dark; encounter start; first
   *  position after the silence). */
  time: string;
  /** ISO-8601 UTC, stream time: when the data proved the condition (the dark period reaching `afterH`). */
  detected_at: string;
  lat: number;
  lon: number;
  /** The event behind an encounter alert. */
  event_id?: string;
  /** The port of interest a ship went dark near, with the distance from its last position. */
  port?: PortRef & { distance_km: number };
  /** The list entries that make the ship (or its partner, `mmsi` says which) listed. */
  listings?: Array<Listing & { mmsi: number }>;
  /** The figures behind the alert, units in every key. */
  evidence: Record<string, unknown>;
}
