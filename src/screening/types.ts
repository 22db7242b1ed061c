// The screening contract: what a query is, what a hit looks like (the `tumen screen --format jsonl` line).
import type { LinkRelation, ListEntry } from '../lists/types.js';

export type MatchedOn = 'imo' | 'mmsi' | 'callsign' | 'name' | 'alias' | 'former_name' | 'owner' | 'operator';
export type Verdict = 'match' | 'possible' | 'clear';

export interface ScreenQuery {
  name?: string | null;
  imo?: string | null;
  mmsi?: string | null;
  callsign?: string | null;
  flag?: string | null;
  /** The vessel's former names (identity history), screened as well. */
  formerNames?: string[];
  /** Registered owner and operator (manager) as a fleet file states them, screened against listed parties. */
  owner?: string | null;
  operator?: string | null;
}

/** A listed party tied to a matched entry: its owner, operator, a director of its owner, an associate. */
export interface LinkPath {
  /** What the listed party is of the matched entry, hop by hop: ["owner"], ["operator", "director"]. */
  relations: LinkRelation[];
  /** The parties along the path, the listed one last. */
  parties: Array<{ entry_id: string; name: string; kind: string; listed: boolean }>;
  /** Ownership share of each hop in percent, when the list states it (null: not stated, or not ownership). */
  shares: Array<number | null>;
}

export interface ScreenMatch {
  list: string;
  list_version: string | null;
  /** The entry's key within its list (links and the store refer to it). */
  entry_key: string;
  entry_id: string;
  /** False when the list carries the entry without sanctioning it (see ListEntry.listed). */
  listed: boolean;
  name: string;
  score: number;
  matched_on: MatchedOn[];
  reason: string;
  verdict: Exclude<Verdict, 'clear'>;
  /** Listed parties tied to the entry in the list's own data (FtM ownership, management, directorships). */
  links?: LinkPath[];
}

export interface ScreenResult {
  verdict: Verdict;
  matches: ScreenMatch[];
  /** Findings about the query itself, e.g. an IMO with a broken check digit. */
  findings: string[];
}

/** One loaded list entry, with the list it came from. */
export interface LoadedEntry {
  list: string;
  listVersion: string | null;
  entry: ListEntry;
}
