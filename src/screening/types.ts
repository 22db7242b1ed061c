// The screening contract: what a query is, what a hit looks like (the `tumen screen --format jsonl` line).
import type { ListEntry } from '../lists/types.js';

export type MatchedOn = 'imo' | 'mmsi' | 'callsign' | 'name' | 'alias' | 'former_name';
export type Verdict = 'match' | 'possible' | 'clear';

export interface ScreenQuery {
  name?: string | null;
  imo?: string | null;
  mmsi?: string | null;
  callsign?: string | null;
  flag?: string | null;
  /** The vessel's former names (identity history), screened as well. */
  formerNames?: string[];
}

export interface ScreenMatch {
  list: string;
  list_version: string | null;
  entry_id: string;
  name: string;
  score: number;
  matched_on: MatchedOn[];
  reason: string;
  verdict: Exclude<Verdict, 'clear'>;
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
