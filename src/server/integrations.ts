// The server's seams to screening, lists, ingest and risk scoring. Each read returns "nothing known"
// when the owning module's tables are absent, so the API works on a store holding positions only.
import { gunzipSync } from 'node:zlib';
import type { Store } from '../store/db.js';
import { importList as storeImportList, listLists as storeListLists, type ListChange, type LoadedListInfo } from '../store/lists.js';
import { ListImportRefused } from '../lists/replace-guard.js';
import { buildDossier, mmsisFor, shipnamesByMmsi } from '../store/vessel-dossier.js';
import type { RiskAssessment } from '../risk/score.js';
import { tableExists } from './sql-util.js';
import { StoreScreener } from '../store/screen.js';
import type { ScreenResult } from '../screening/types.js';
import { parseOfacCsv } from '../lists/ofac-csv.js';
import { parseOfacXml } from '../lists/ofac-xml.js';
import { parseUnXml } from '../lists/un-xml.js';
import { parseOpenSanctions } from '../lists/opensanctions.js';
import { parseCsvWatchlist } from '../lists/csv-watchlist.js';
import type { ListSource, ParsedList } from '../lists/types.js';
import { createHash } from 'node:crypto';
import { httpError } from './errors.js';

export interface RiskSummary {
  level: string;
  score: number;
}

/** Risk levels from src/risk/weights.ts, lowest first; `risk=high` means high or sanctioned. */
export const RISK_LEVELS = ['low', 'medium', 'high', 'sanctioned'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Per-vessel risk (src/risk via the store's dossier), cached for a minute: it reads lists, events and identities. */
const RISK_TTL_MS = 60_000;
const riskCache = new WeakMap<Store, Map<number, { atMs: number; generation: number; risk: RiskAssessment }>>();
/** Bumped by every write through the API (lists, uploads), which can change any vessel's risk. */
let writeGeneration = 0;
export function storeChanged(): void {
  writeGeneration++;
}
export function currentGeneration(): number {
  return writeGeneration;
}

async function riskOf(store: Store, mmsi: number, screener: StoreScreener | null): Promise<RiskAssessment> {
  let cache = riskCache.get(store);
  if (!cache) riskCache.set(store, (cache = new Map()));
  const hit = cache.get(mmsi);
  if (hit && hit.generation === writeGeneration && Date.now() - hit.atMs < RISK_TTL_MS) return hit.risk;
  const risk = (await buildDossier(store, String(mmsi).padStart(9, '0'), screener, { riskOnly: true })).risk;
  cache.set(mmsi, { atMs: Date.now(), generation: writeGeneration, risk });
  return risk;
}

export async function riskLevels(store: Store, mmsis: number[]): Promise<Map<number, RiskSummary>> {
  const screener = await storeScreener(store);
  const out = new Map<number, RiskSummary>();
  for (const m of mmsis) {
    const r = await riskOf(store, m, screener);
    out.set(m, { level: r.level, score: r.score });
  }
  return out;
}

export async function vesselRisk(store: Store, mmsi: number): Promise<RiskAssessment> {
  return riskOf(store, mmsi, await storeScreener(store));
}

/** Vessels with events whose risk level is at least `level` (scored on demand, cached). */
export async function mmsisAtRisk(store: Store, level: RiskLevel): Promise<number[]> {
  if (!(await tableExists(store, 'events'))) return [];
  const rows = await store.all<{ mmsi: number }>('SELECT DISTINCT mmsi FROM events');
  const min = RISK_LEVELS.indexOf(level);
  const levels = await riskLevels(store, rows.map((r) => Number(r.mmsi)));
  return [...levels].filter(([, r]) => RISK_LEVELS.indexOf(r.level as RiskLevel) >= min).map(([m]) => m).sort((a, b) => a - b);
}

// ---- screening ----

/** The screener of the loaded lists, reopened only when they change (name + version + import time). */
const screenerCache = new WeakMap<Store, { key: string; screener: StoreScreener | null }>();

async function storeScreener(store: Store): Promise<StoreScreener | null> {
  const lists = await storeListLists(store);
  const key = lists.map((l) => `${l.name}|${l.version}|${l.imported_at}`).join(';');
  const cached = screenerCache.get(store);
  if (cached && cached.key === key) return cached.screener;
  const screener = await StoreScreener.open(store);
  screenerCache.set(store, { key, screener });
  return screener;
}

export interface ScreenQuery {
  imo?: string;
  mmsi?: string;
  name?: string;
  callsign?: string;
}

/** Screens each query against every loaded list, adding the names the store has seen the ship use. */
export async function screenVessels(store: Store, queries: ScreenQuery[]): Promise<Array<{ query: ScreenQuery } & ScreenResult>> {
  if ((await storeListLists(store)).length === 0) throw httpError(409, 'no sanctions lists loaded in this store: POST /api/lists or run `tumen lists import FILE`');
  const names = await shipnamesByMmsi(store);
  const full = [];
  for (const q of queries) {
    const imo = q.imo?.replace(/\D/g, '');
    const mmsis = q.mmsi ? [Number(q.mmsi)] : imo ? await mmsisFor(store, { imo }) : [];
    full.push({ ...q, imo, formerNames: mmsis.flatMap((m) => names.get(m) ?? []) });
  }
  // The persisted index of `tumen lists import`, as the CLI's fleet screening uses (lists are loaded: checked above).
  const results = await (await storeScreener(store))!.screen(full);
  return queries.map((query, i) => ({ query, ...results[i] }));
}

/** List matches for a vessel page: [] when no list is loaded. */
export async function vesselListMatches(store: Store, ids: { mmsi: number; imo: string | null; shipname: string | null; callsign?: string | null }): Promise<unknown[]> {
  const screener = await storeScreener(store);
  if (!screener) return [];
  const names = await shipnamesByMmsi(store);
  const r = await screener.screenOne({
    mmsi: String(ids.mmsi).padStart(9, '0'), imo: ids.imo, name: ids.shipname, callsign: ids.callsign ?? null, formerNames: names.get(ids.mmsi) ?? [],
  });
  return r.matches;
}

// ---- lists ----

export async function listLists(store: Store): Promise<LoadedListInfo[]> {
  return storeListLists(store);
}

const DEFAULT_LIST_NAMES: Record<ListSource, string> = {
  ofac: 'ofac-sdn', 'ofac-xml': 'ofac-sdn', un: 'un-consolidated', opensanctions: 'opensanctions', csv: 'watchlist',
};

function decodeText(bytes: Uint8Array): string {
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder('latin1').decode(raw);
  }
}

/** Parses an uploaded list file and replaces the list of that name (default per format). */
export async function importList(
  store: Store, input: { format: string; filename: string; content: Uint8Array; name?: string; importedAt: Date; allowShrink?: boolean },
): Promise<unknown> {
  const text = decodeText(input.content);
  const source = input.format as ListSource;
  let parsed: ParsedList;
  try {
    switch (source) {
      case 'ofac': parsed = parseOfacCsv({ sdn: text }); break;
      case 'ofac-xml': parsed = parseOfacXml(text); break;
      case 'un': parsed = parseUnXml(text); break;
      case 'opensanctions': parsed = parseOpenSanctions(text); break;
      case 'csv': parsed = parseCsvWatchlist(text); break;
      default: throw httpError(400, `unknown list format ${input.format}`);
    }
  } catch (err) {
    if (err instanceof Error && err.name === 'HTTPException') throw err;
    throw httpError(400, `cannot parse ${input.filename} as ${source}: ${(err as Error).message}`);
  }
  if (parsed.entries.length === 0) throw httpError(400, `${input.filename}: no list entries found as ${source} (${parsed.rejects.length} rejected)`);
  parsed.version ??= `sha256:${createHash('sha256').update(input.content).digest('hex').slice(0, 12)}`;
  let change: ListChange;
  try {
    change = await storeImportList(store, parsed, {
      name: input.name ?? DEFAULT_LIST_NAMES[source], file: input.filename, importedAt: input.importedAt, allowShrink: input.allowShrink,
    });
  } catch (err) {
    // The same guard as `tumen lists import`: the shrink is refused with its diff, nothing is changed.
    if (err instanceof ListImportRefused) throw httpError(409, err.message.replace('--allow-shrink', '?allow_shrink=true'));
    throw err;
  }
  storeChanged();
  return { list: input.name ?? DEFAULT_LIST_NAMES[source], version: parsed.version, entries: change.entries, rejects: parsed.rejects.length, change: { ...change, rejects: change.rejects.slice(0, 100) } };
}
