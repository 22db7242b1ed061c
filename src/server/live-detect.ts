// Live detection for `tumen serve --listen` and uploads: new rows of `positions` and `statics` (found by
// a rowid watermark, polled every `pollMs`) go through the detection runner (src/detectors/runner.ts) — the
// same engine as `tumen detect` — in time order; each event it completes is written to `events` and
// published to SSE subscribers, and an event a post-step withdraws (loitering explained by a later
// encounter) is deleted. Open events are not flushed while live: `tumen detect` remains the reference run
// over the whole store. A session that stores events is recorded as a detect run (every detector, default
// parameters) and its events are linked to it, so a report can cite the run that found them.
import type { Store } from '../store/db.js';
import { ensureEventsSchema } from '../store/events.js';
import { deleteEventsById, insertEventIfNew } from '../store/events-write.js';
import type { TumenEvent } from '../events/schema.js';
import type { StaticReport } from '../detectors/detector.js';
import type { Position, ReceptionSource } from '../tracks/position.js';
import { DetectionRunner, type SilenceJudge } from '../detectors/runner.js';
import type { EventHub } from './event-hub.js';
import { tableExists } from './sql-util.js';
import { storeChanged } from './integrations.js';
import { linkLiveEvents, recordDetectRun } from '../store/detect-runs.js';
import { DETECTOR_TYPES } from '../detectors/registry.js';
import { RECEPTION_PARAMS } from '../detectors/params.js';
import { streamPositionsByTime } from '../store/positions.js';

/** How a live session's run is named in `detect_runs` and in evidence packs. */
export const LIVE_RUN_COMMAND = 'tumen serve (live: feed and uploads)';

/** How often new rows are looked for: well inside the one-second promise of the live feed. */
export const LIVE_POLL_MS = 200;

/** Sees what live detection sees, in the same order (the watch rules: src/server/alert-watch.ts). */
export interface LiveObserver {
  pushStatic(s: StaticReport): void;
  pushPosition(p: Position): void;
  /** The events a pass stored, after its reports; resolves once the observer has acted on them. */
  afterPass(events: readonly TumenEvent[]): Promise<void>;
}

/** Hours of stored positions, before the latest, that a starting server teaches its reception index: a ship
 *  counts as present between fixes up to bridgeMaxH apart, and coastal coverage is read over
 *  terrestrialWindowH either side of the hour judged (src/detectors/params.ts). Without them the live judge
 *  of dark-near-port alerts starts knowing no receiver and shows few silences intentional after a restart. */
export const LIVE_RECEPTION_SEED_H = RECEPTION_PARAMS.bridgeMaxH + RECEPTION_PARAMS.terrestrialWindowH;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export class LiveDetection {
  private readonly runner = new DetectionRunner();
  private positionsMark = -1;
  private staticsMark = -1;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  /** This session's detect run, recorded when it first stores an event. */
  private runId: number | null = null;
  private startedMs = 0;
  /** Counters for /api/health. */
  readonly stats = { positions: 0, statics: 0, events: 0, errors: 0 };
  /** Stored positions the reception index was seeded with at start (LIVE_RECEPTION_SEED_H). */
  seededPositions = 0;

  constructor(private readonly store: Store, private readonly hub: EventHub, private readonly observer: LiveObserver | null = null, private readonly now: () => number = Date.now) {}

  /** Starts from the rows already stored: only rows added from now on are detected live. */
  async start(opts: { poll: boolean }): Promise<void> {
    this.startedMs = this.now();
    await ensureEventsSchema(this.store);
    this.positionsMark = await this.maxRowid('positions');
    this.staticsMark = await this.maxRowid('statics');
    // The store's history up to now (read here, before a feed adds rows the passes will see), seeded in the
    // queue like a pass: the server answers meanwhile, and the first pass waits for it.
    const last = this.positionsMark < 0 ? null : await this.store.one<{ t: number | null }>('SELECT epoch_ms(max(time))::DOUBLE AS t FROM positions');
    const lastMs = last?.t ?? null;
    if (lastMs !== null) void this.serialised(() => this.seedReception(lastMs), undefined);
    if (opts.poll) {
      this.timer = setInterval(() => { void this.poll(); }, LIVE_POLL_MS);
      this.timer.unref();
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** The runner's silence judge (the watch rules' dark alerts ask it, as in \`tumen detect\`). */
  silenceJudge(): SilenceJudge {
    return this.runner.silenceJudge();
  }

  /** One pass over rows added since the last; serialised so passes never overlap. Resolves to the new events. */
  poll(): Promise<TumenEvent[]> {
    return this.serialised(() => this.pass(), [] as TumenEvent[]);
  }

  /** Runs `fn` between passes (never during one); an error is counted and logged, giving `fallback`. */
  serialised<T>(fn: () => Promise<T>, fallback: T): Promise<T> {
    const run = this.running.then(fn).catch((err: Error) => {
      this.stats.errors++;
      console.error(`tumen serve: live detection: ${err.message}`);
      return fallback;
    });
    this.running = run.then(() => undefined);
    return run;
  }

  /** Runs `fn` with no pass running or starting meanwhile, its error passed on: an upload's ingest (a CSV's
   *  committed rows are rewritten in track order at its end, with new rowids), so a pass must not read them before. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.running.then(fn);
    this.running = run.then(() => undefined, () => undefined);
    return run;
  }

  private async maxRowid(table: string): Promise<number> {
    if (!(await tableExists(this.store, table))) return -1;
    const row = await this.store.one<{ m: bigint | null }>(`SELECT max(rowid) AS m FROM ${table}`);
    return row?.m === null || row?.m === undefined ? -1 : Number(row.m);
  }

  private async seedReception(lastMs: number): Promise<void> {
    const fromMs = lastMs - LIVE_RECEPTION_SEED_H * 3_600_000;
    for await (const batch of streamPositionsByTime(this.store, { fromMs, toMs: lastMs })) {
      for (const p of batch) this.runner.seedReception(p);
      this.seededPositions += batch.length;
    }
  }

  private async pass(): Promise<TumenEvent[]> {
    const positions = await this.newPositions();
    const statics = await this.newStatics();
    if (positions.length === 0 && statics.length === 0) return [];
    storeChanged();
    // Time order, statics first at equal times: the order `tumen detect` replays the store in.
    let si = 0;
    for (const p of positions) {
      while (si < statics.length && statics[si]!.timeMs <= p.timeMs) this.pushStatic(statics[si++]!);
      this.stats.positions++;
      this.runner.pushPosition(p);
      this.observer?.pushPosition(p);
    }
    while (si < statics.length) this.pushStatic(statics[si++]!);
    const fresh = await this.publish();
    await this.observer?.afterPass(fresh);
    return fresh;
  }

  private pushStatic(s: StaticReport): void {
    this.stats.statics++;
    this.runner.pushStatic(s);
    this.observer?.pushStatic(s);
  }

  private async newPositions(): Promise<Position[]> {
    if (this.positionsMark < 0 && !(await tableExists(this.store, 'positions'))) return [];
    const rows = await this.store.all<Record<string, unknown>>(
      `SELECT rowid AS r, mmsi, epoch_ms(time)::DOUBLE AS t, lat, lon, speed, course, heading, status, source,
         array_to_string(stations, ',') AS stations
       FROM positions WHERE rowid > $mark ORDER BY time, mmsi, rowid`, { mark: this.positionsMark },
    );
    for (const r of rows) this.positionsMark = Math.max(this.positionsMark, Number(r.r));
    return rows.map((r) => ({
      mmsi: Number(r.mmsi), timeMs: Number(r.t), lat: Number(r.lat), lon: Number(r.lon),
      speedKn: r.speed === null ? null : Math.round(Number(r.speed) * 10) / 10,
      courseDeg: r.course === null ? null : Math.round(Number(r.course) * 10) / 10,
      headingDeg: num(r.heading), status: num(r.status), source: (r.source as ReceptionSource | null) ?? null,
      // The receiving stations, as the batch replay reads them (spoofing geometry, a gap's own stations).
      stations: typeof r.stations === 'string' && r.stations !== '' ? r.stations.split(',') : null,
    }));
  }

  private async newStatics(): Promise<StaticReport[]> {
    if (this.staticsMark < 0 && !(await tableExists(this.store, 'statics'))) return [];
    const rows = await this.store.all<Record<string, unknown>>(
      `SELECT rowid AS r, mmsi, epoch_ms(time)::DOUBLE AS t, imo, shipname, callsign, shiptype, draught, destination, length, beam
       FROM statics WHERE rowid > $mark ORDER BY time, mmsi, rowid`, { mark: this.staticsMark },
    );
    for (const r of rows) this.staticsMark = Math.max(this.staticsMark, Number(r.r));
    return rows.map((r) => ({
      mmsi: Number(r.mmsi), timeMs: Number(r.t), imo: num(r.imo), shipname: (r.shipname as string | null) ?? null,
      callsign: (r.callsign as string | null) ?? null, shiptype: num(r.shiptype), draughtM: num(r.draught),
      destination: (r.destination as string | null) ?? null, lengthM: num(r.length), beamM: num(r.beam),
    }));
  }

  private async publish(): Promise<TumenEvent[]> {
    const { events, retracted } = this.runner.take();
    const fresh: TumenEvent[] = [];
    for (const e of events) if (await insertEventIfNew(this.store, e)) fresh.push(e);
    if (fresh.length) {
      this.runId ??= await recordDetectRun(this.store, { command: LIVE_RUN_COMMAND, types: DETECTOR_TYPES, params: [], atMs: this.startedMs });
      await linkLiveEvents(this.store, this.runId, fresh.map((e) => e.id));
    }
    const deleted = await deleteEventsById(this.store, retracted);
    this.stats.events += fresh.length;
    if (fresh.length || deleted) storeChanged();
    for (const e of fresh) this.hub.publish(e);
    return fresh;
  }
}
