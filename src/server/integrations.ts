// The server's seams to screening, lists and risk scoring (issue 4). Each function returns "nothing
// known" when the module's tables are absent, so the API works on a store holding positions only.
import type { Store } from '../store/db.js';
import type { TumenEvent } from '../events/schema.js';
import { httpError } from './errors.js';

export interface RiskSummary {
  level: string;
  score: number;
}

export async function riskLevels(_store: Store, _mmsis: number[]): Promise<Map<number, RiskSummary>> {
  return new Map();
}

export async function vesselRisk(_store: Store, _mmsi: number): Promise<unknown> {
  return null;
}

export async function vesselListMatches(_store: Store, _ids: { mmsi: number; imo: string | null; shipname: string | null }): Promise<unknown[]> {
  return [];
}

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** MMSIs whose risk level is at least `level`. */
export async function mmsisAtRisk(_store: Store, _level: RiskLevel): Promise<number[]> {
  return [];
}

export interface ScreenQuery {
  imo?: string;
  mmsi?: string;
  name?: string;
  callsign?: string;
}

export async function screenVessels(_store: Store, _queries: ScreenQuery[]): Promise<unknown[]> {
  throw httpError(501, 'screening is not available in this build yet');
}

export async function listLists(_store: Store): Promise<unknown[]> {
  return [];
}

export async function importList(_store: Store, _input: { format: string; filename: string; content: Uint8Array }): Promise<unknown> {
  throw httpError(501, 'list import is not available in this build yet');
}

export async function ingestUpload(_store: Store, _input: { filename: string; content: Uint8Array; format?: string }): Promise<{ summary: unknown; events: TumenEvent[] }> {
  throw httpError(501, 'ingest upload is not available in this build yet');
}
