// An evidence pack for one ship or one event, from the store: the ship's dossier (every MMSI, identities,
// list matches, risk), its events with names, the map features (tracks, dark stretches, reachable area,
// every candidate port), the input files with SHA-256, the lists, the Tumen version and the commands that
// remake it. `tumen report` and GET /api/report both build it here, so the CLI and the web UI hand out the
// same document. Rendering is pure (src/report); this module only reads.
import type { Store } from '../store/db.js';
import type { PortRef, TumenEvent } from '../events/schema.js';
import { buildDossier, type VesselDossier } from '../store/vessel-dossier.js';
import { labelEvents, vesselText } from '../store/vessel-labels.js';
import { listIngestLog } from '../store/ingest-log.js';
import { listLists } from '../store/lists.js';
import { tableExists } from './sql-util.js';
import { eventQueryOf, getEvent, queryEvents } from './routes/events.js';
import { z } from 'zod';
import { EVENT_FILTERS } from './schemas.js';
import { eventContext, portFeature } from './routes/event-context.js';
import { readTrack } from './routes/track.js';
import { eventFeature, featureCollection, trackFeatures, type Feature, type FeatureCollection } from '../io/geojson.js';
import { inputFiles } from '../io/input-files.js';
import { rememberFileHash, storedFileHashes, type FileStamp } from '../store/file-hashes.js';
import { detectRunsOf, type DetectRun } from '../store/detect-runs.js';
import { tumenVersion } from '../io/tumen-version.js';
import { toKml } from '../io/kml.js';
import { beyondAisOf } from './pack-beyond-ais.js';
import { renderEvidenceReport, type ReportEvent, type ReportProvenance, type ReportVessel } from '../report/evidence.js';
import { printMapSvg } from '../report/print-map.js';
import { naturalEarth10mRings, type FlatRings } from '../geo/land-data.js';
import { allPorts } from '../reference/wpi.js';
import { parameterBlocks } from '../report/parameters.js';
import { EVENT_RGB, hex } from '../web/colors.js';

/** `events`: a selection, as the query string of GET /api/events (its filters, plus intentional=1). */
export type PackSubject = { vessel: string; fromMs?: number; toMs?: number } | { event: string } | { events: string };

/** Events in one selection's pack: the newest this many (the pack says when more match). */
export const SELECTION_MAX_EVENTS = 500;

/** The events of a selection, newest first: the filters of GET /api/events, checked by the same schema. */
async function selectionEvents(store: Store, selection: string): Promise<{ events: TumenEvent[]; more: boolean }> {
  const raw = Object.fromEntries(new URLSearchParams(selection.replace(/^\?/, '')));
  const intentional = raw.intentional === '1';
  delete raw.intentional;
  const parsed = z.object(EVENT_FILTERS).strict().safeParse(raw);
  if (!parsed.success) throw new BadSubjectError(`events selection "${selection}": ${parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ')}`);
  const page = await queryEvents(store, eventQueryOf({ ...parsed.data, limit: SELECTION_MAX_EVENTS }));
  // The gap flag lives in the event body: filtered here, as the events page does.
  const events = intentional ? page.events.filter((e) => (e as TumenEvent & { intentional?: boolean }).intentional === true) : page.events;
  return { events, more: page.next_cursor !== null };
}

export interface EvidencePack {
  title: string;
  /** File name without extension: tumen-report-<ship or event>. */
  basename: string;
  html: string;
  kml: string;
  simulated: ReportProvenance['simulated'];
}

/** A subject that names nothing in the store. */
export class UnknownSubjectError extends Error {}

/** A subject that cannot be read (a selection with an unknown filter or value). */
export class BadSubjectError extends Error {}

/** Points per MMSI on the printed map: enough for the shape at print size. */
const MAP_TRACK_POINTS = 4000;

let land: FlatRings | null = null;

function reportVessel(d: VesselDossier): ReportVessel {
  return {
    mmsi: d.mmsis[0]!, mmsis: d.mmsis, shipname: d.current.shipname, imo: d.current.imo, callsign: d.current.callsign, flag: d.current.flag,
    identities: d.identities, list_matches: d.screening.matches, risk: d.risk, activity: d.activity,
  };
}

/** A selection's map: each event with the port it names and its candidate ports (tracks would bury them). */
function selectionFeatures(events: TumenEvent[]): Feature[] {
  const features: Feature[] = [];
  const seen = new Set<string>();
  for (const e of events) {
    features.push(eventFeature(e));
    for (const [p, kind] of [[e.port, 'port'], ...(e.candidates ?? []).map((c) => [c, 'candidate_port'])] as Array<[PortRef | undefined, 'port' | 'candidate_port']>) {
      if (!p || seen.has(`${kind}:${p.id}`)) continue;
      seen.add(`${kind}:${p.id}`);
      const f = portFeature(p, kind);
      if (f) features.push(f);
    }
  }
  return features;
}

/** The ship's map: its tracks (every MMSI), events, the ports they name and every candidate of its dark calls. */
async function vesselFeatures(store: Store, d: VesselDossier, events: TumenEvent[], fromMs?: number, toMs?: number): Promise<Feature[]> {
  const features: Feature[] = [];
  if (await tableExists(store, 'positions')) {
    for (const mmsi of d.mmsis) {
      for (const f of trackFeatures(await readTrack(store, { mmsi, fromMs, toMs, maxPoints: MAP_TRACK_POINTS }))) {
        f.properties.role = 'vessel';
        features.push(f);
      }
    }
  }
  // Shares of the score are per dark period: with several periods on one map a label gives the name alone.
  const periods = events.filter((e) => e.candidates?.length).length;
  for (const e of events) {
    features.push(eventFeature(e));
    if (e.port) { const f = portFeature(e.port, 'port'); if (f) features.push(f); }
    const score = (c: NonNullable<TumenEvent['candidates']>[number]): number => Number(c.score ?? c.feasibility);
    const total = (e.candidates ?? []).reduce((a, c) => a + score(c), 0) || 1;
    for (const c of e.candidates ?? []) {
      const { id, name, country, lat, lon, ...why } = c as typeof c & { lat?: number; lon?: number };
      const f = portFeature({ id, name, country, lat, lon }, 'candidate_port', { ...why, share: periods === 1 ? score(c) / total : null, event: e.id });
      if (f) features.push(f);
    }
  }
  return features;
}

function simulatedOf(inputs: Array<{ simulated: boolean; sha256: string | null; note: string | null; path: string }>, checked: boolean[]): ReportProvenance['simulated'] {
  if (inputs.length === 0) return 'unknown';
  const sims = inputs.filter((f) => f.simulated).length;
  if (sims === inputs.length) return 'yes';
  if (sims > 0) return 'partly';
  return checked.every(Boolean) ? 'no' : 'unknown';
}

const shellQuote = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** Each event type shown with the run behind its events (null: not recorded); a type found both by a batch
 *  run and live (events stored by `tumen serve` after that run) appears once per run. */
function runsBehind(events: readonly TumenEvent[], runs: Map<string, DetectRun>): Array<{ type: string; run: DetectRun | null }> {
  const seen = new Map<string, { type: string; run: DetectRun | null }>();
  for (const e of events) {
    const run = runs.get(e.id) ?? null;
    const key = `${e.type}\u0000${run?.id ?? ''}`;
    if (!seen.has(key)) seen.set(key, { type: e.type, run });
  }
  return [...seen.values()].sort((a, b) => a.type.localeCompare(b.type) || (a.run?.id ?? 0) - (b.run?.id ?? 0));
}

/** The detect commands that make the shown events again: one per distinct set of overrides among the runs
 *  behind them (with --type when the runs differ), or a note when the store did not record the run. Live
 *  detection runs the same detectors at their defaults, so its events are found again by a plain detect. */
function detectCommands(db: string, behind: Array<{ type: string; run: DetectRun | null }>): string[] {
  const byParams = new Map<string, Set<string>>();
  const unknown = new Set<string>();
  for (const { type, run } of behind) {
    if (!run) { unknown.add(type); continue; }
    const key = JSON.stringify(run.params);
    byParams.set(key, (byParams.get(key) ?? new Set()).add(type));
  }
  const out: string[] = [];
  for (const [key, ts] of byParams) {
    const params = (JSON.parse(key) as string[]).map((p) => ` --param ${shellQuote(p)}`).join('');
    out.push(`tumen detect --db ${db}${byParams.size > 1 || unknown.size ? ` --type ${[...ts].join(',')}` : ''}${params}`);
  }
  if (unknown.size || behind.length === 0) {
    out.push(`tumen detect --db ${db}${unknown.size ? `    # ${[...unknown].join(', ')}: no detect run recorded in this store (made before runs were recorded): overrides unknown` : ''}`);
  }
  return out;
}

/** `unsaved`: hashes made for this pack that a read-only store could not keep (the caller may keep them later). */
export async function buildEvidencePack(store: Store, subject: PackSubject, opts: { command: string[]; storePath: string; generatedAt: string; unsaved?: Array<{ stamp: FileStamp; sha256: string }> }): Promise<EvidencePack> {
  let dossier: VesselDossier | null;
  let events: TumenEvent[];
  let features: Feature[];
  let title: string;
  let basename: string;
  let selection: string;
  if ('events' in subject) {
    const found = await selectionEvents(store, subject.events);
    if (found.events.length === 0) throw new UnknownSubjectError(`no event matches the selection "${subject.events}" in ${opts.storePath}`);
    dossier = null;
    events = found.events;
    features = selectionFeatures(events);
    title = `Tumen evidence: event selection (${events.length}${found.more ? `, the newest ${SELECTION_MAX_EVENTS}; more match` : ''} events)`;
    basename = 'tumen-report-selection';
    const filters = subject.events.replace(/^\?/, '');
    selection = `${filters ? `events matching ?${filters}` : 'all events'}${found.more ? ` (the newest ${SELECTION_MAX_EVENTS})` : ''}`;
  } else if ('event' in subject) {
    const e = await getEvent(store, subject.event);
    if (!e) throw new UnknownSubjectError(`no event "${subject.event}" in ${opts.storePath} (list ids with \`tumen events\`)`);
    dossier = await buildDossier(store, String(e.mmsi));
    events = [e];
    features = (await eventContext(store, e)).features;
    const [l] = await labelEvents(store, [e]);
    title = `Tumen evidence: ${e.type} · ${vesselText(l!.vessel, e.mmsi)}${l!.other_vessel ? ` ↔ ${vesselText(l!.other_vessel, e.other_mmsi)}` : ''}`;
    basename = `tumen-report-${e.id}`;
    selection = `event ${e.id}`;
  } else {
    dossier = await buildDossier(store, subject.vessel);
    if (!dossier.known) throw new UnknownSubjectError(`no vessel matching "${subject.vessel}" in ${opts.storePath}: searched MMSIs, IMOs, names (current and former) and call signs`);
    const inWindow = (e: TumenEvent): boolean => (subject.toMs === undefined || Date.parse(e.start) <= subject.toMs)
      && (subject.fromMs === undefined || Date.parse(e.end ?? e.start) >= subject.fromMs);
    events = dossier.events.filter(inWindow);
    features = await vesselFeatures(store, dossier, events, subject.fromMs, subject.toMs);
    const c = dossier.current;
    title = `Tumen evidence: ${c.shipname ?? 'vessel'} (${[c.flag, c.imo ? `IMO ${c.imo}` : null, `MMSI ${dossier.mmsis.join(', ')}`].filter(Boolean).join(', ')})`;
    basename = `tumen-report-${c.imo ? `imo${c.imo}` : dossier.mmsis[0]}`;
    selection = `vessel ${subject.vessel}${subject.fromMs !== undefined ? ` from ${new Date(subject.fromMs).toISOString()}` : ''}${subject.toMs !== undefined ? ` to ${new Date(subject.toMs).toISOString()}` : ''}`;
  }
  const labelled = await labelEvents(store, events);
  const log = (await tableExists(store, 'ingest_log')) ? await listIngestLog(store) : [];
  const files = await inputFiles(log.filter((e) => e.status !== 'failed' || e.positions > 0), {
    known: await storedFileHashes(store),
    remember: async (stamp, sha256) => { if (!(await rememberFileHash(store, stamp, sha256, Date.now()))) opts.unsaved?.push({ stamp, sha256 }); },
  });
  const lists = await listLists(store);
  const db = shellQuote(opts.storePath);
  const behind = runsBehind(events, await detectRunsOf(store, events));
  const rebuild = [
    ...files.map((f) => (f.format === 'nmea-feed' ? `# live feed ${f.path} (${f.positions} positions): not replayable from a file`
      : `tumen ingest --db ${db} ${f.format && f.format !== 'nmea' ? `--format ${f.format} ` : ''}${shellQuote(f.path)}`)),
    ...lists.map((l) => (l.file ? `tumen lists import --db ${db} --name ${shellQuote(l.name)} ${shellQuote(l.file)}` : `# list ${l.name}: imported without a file name`)),
    ...detectCommands(db, behind),
    opts.command.map(shellQuote).join(' '),
  ];
  const provenance: ReportProvenance = {
    tumenVersion: tumenVersion(),
    store: opts.storePath,
    command: opts.command.map(shellQuote).join(' '),
    rebuild,
    inputs: files,
    lists: lists.map((l) => ({ name: l.name, source: l.source, version: l.version, published: l.published, imported_at: l.imported_at, file: l.file, entries: l.entries })),
    simulated: simulatedOf(files, files.map((f) => f.sha256 !== null || f.format === 'nmea-feed')),
    detection: behind.map(({ type, run: r }) => (r ? { type, command: r.command, runAt: r.runAt, params: r.params, live: r.live } : { type, command: null, runAt: null, params: [], live: false })),
  };
  land ??= naturalEarth10mRings();
  const fc: FeatureCollection = featureCollection(features);
  const mapSvg = features.length ? printMapSvg({ features: fc, land, ports: allPorts().map((p) => ({ name: p.name, country: p.country, lat: p.lat, lon: p.lon, role: p.role ?? null, size: p.size })) }) : undefined;
  const html = renderEvidenceReport({
    title, generatedAt: opts.generatedAt, mapImage: null, mapSvg, provenance, selection,
    beyondAis: await beyondAisOf(store, events),
    vessel: dossier ? reportVessel(dossier) : undefined,
    events: labelled as unknown as ReportEvent[],
    gaps: [],
    sources: [
      { name: 'Land and coastline', detail: 'Natural Earth 1:10m land, v4.0 (public domain)' },
      { name: 'Ports', detail: 'NGA World Port Index Pub 150 (2023) and Tumen\'s curated ports of interest (src/reference/ports-of-interest.ts, each with its source)' },
      { name: 'Flags', detail: 'ITU Maritime Identification Digits (flag from the MMSI: AIS carries no flag)' },
    ],
    parameters: parameterBlocks(),
    colors: Object.fromEntries(Object.entries(EVENT_RGB).map(([k, v]) => [k, hex(v)])),
  });
  const kmlFeatures = featureCollection([...features.filter((f) => f.properties.kind !== 'event'), ...labelled.map(eventFeature)]);
  return { title, basename, html, kml: toKml(kmlFeatures, title), simulated: provenance.simulated };
}
