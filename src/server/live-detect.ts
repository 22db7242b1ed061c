// Live detection for `tumen serve --listen` and uploads: new rows of `positions` and `statics` (found by
// a rowid watermark, polled every `pollMs`) go through the incremental detectors, kept in memory per
// vessel; each event they complete is written to `events` and published to SSE subscribers.
// Each vessel runs the batch pipeline's own chain (src/detectors/vessel-chain.ts); global detectors see
// every position in arrival order. Open events are not flushed while live: `tumen detect` remains the
// reference run over the whole store.
import type { Store } from '../store/db.js';
import { ensureEventsSchema } from '../store/events.js';
import type { TumenEvent } from '../events/schema.js';
import type { Detector, StaticReport } from '../detectors/detector.js';
import type { Position, ReceptionSource } from '../tracks/position.js';
import type { GapContext } from '../detectors/gap.js';
import { ReceptionIndex } from '../detectors/reception.js';
import { VesselChain } from '../detectors/vessel-chain.js';
import { EXTRA_DETECTORS, type DetectorContext } from '../detectors/registry.js';
import { portIndex } from '../reference/wpi.js';
import { distanceToShoreM } from '../geo/land.js';
import type { EventHub } from './event-hub.js';
import { tableExists } from './sql-util.js';
import { storeChanged } from './integrations.js';

/** How often new rows are looked for: well inside the one-second promise of the live feed. */
export const LIVE_POLL_MS = 200;

/** One vessel's chain, the batch pipeline's own; events collect in `sink` until the pass takes them. */
class LiveVessel {
  private readonly sink: TumenEvent[] = [];
  private readonly chain: VesselChain;

  constructor(mmsi: number, ctx: DetectorContext) {
    const perVessel = EXTRA_DETECTORS.filter((d) => d.scope === 'vessel');
    this.chain = new VesselChain(mmsi, ctx, perVessel, () => true, this.sink);
  }

  pushPosition(p: Position): TumenEvent[] {
    this.chain.push(p);
    return this.sink.splice(0);
  }

  pushStatic(s: StaticReport): TumenEvent[] {
    this.chain.pushStatic(s);
    return this.sink.splice(0);
  }
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export class LiveDetection {
  private readonly reception = new ReceptionIndex();
  private readonly ctx: DetectorContext;
  private readonly vessels = new Map<number, LiveVessel>();
  private readonly globals: Detector[];
  private positionsMark = -1;
  private staticsMark = -1;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  /** Counters for /api/health. */
  readonly stats = { positions: 0, statics: 0, events: 0, errors: 0 };

  constructor(private readonly store: Store, private readonly hub: EventHub) {
    const gap: GapContext = { reception: this.reception, shoreDistanceM: (lat, lon) => distanceToShoreM(lat, lon), windowEndMs: Number.MAX_SAFE_INTEGER };
    const ports = portIndex();
    // A live feed can come from anywhere: every port is "near" (the batch pipeline narrows to the data's box).
    this.ctx = { gap, ports, nearPorts: ports.ports.map((p) => ({ id: p.id, name: p.name, lat: p.lat, lon: p.lon })) };
    this.globals = EXTRA_DETECTORS.filter((d) => d.scope === 'global').map((d) => d.create(this.ctx));
  }

  /** Starts from the rows already stored: only rows added from now on are detected live. */
  async start(opts: { poll: boolean }): Promise<void> {
    await ensureEventsSchema(this.store);
    this.positionsMark = await this.maxRowid('positions');
    this.staticsMark = await this.maxRowid('statics');
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

  /** One pass over rows added since the last; serialised so passes never overlap. Resolves to the new events. */
  poll(): Promise<TumenEvent[]> {
    const pass = this.running.then(() => this.pass()).catch((err: Error) => {
      this.stats.errors++;
      console.error(`tumen serve: live detection: ${err.message}`);
      return [] as TumenEvent[];
    });
    this.running = pass.then(() => undefined);
    return pass;
  }

  private async maxRowid(table: string): Promise<number> {
    if (!(await tableExists(this.store, table))) return -1;
    const row = await this.store.one<{ m: bigint | null }>(`SELECT max(rowid) AS m FROM ${table}`);
    return row?.m === null || row?.m === undefined ? -1 : Number(row.m);
  }

  private async pass(): Promise<TumenEvent[]> {
    const positions = await this.newPositions();
    const statics = await this.newStatics();
    if (positions.length === 0 && statics.length === 0) return [];
    storeChanged();
    // Interleave by time so static-driven detectors see reports in order with positions.
    const events: TumenEvent[] = [];
    let si = 0;
    for (const p of positions) {
      while (si < statics.length && statics[si].timeMs <= p.timeMs) events.push(...this.pushStatic(statics[si++]));
      events.push(...this.pushPosition(p));
    }
    while (si < statics.length) events.push(...this.pushStatic(statics[si++]));
    return events.length ? this.publish(events) : [];
  }

  private vessel(mmsi: number): LiveVessel {
    let v = this.vessels.get(mmsi);
    if (!v) this.vessels.set(mmsi, (v = new LiveVessel(mmsi, this.ctx)));
    return v;
  }

  private pushPosition(p: Position): TumenEvent[] {
    this.stats.positions++;
    if (Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180) this.reception.add(p.lat, p.lon, p.timeMs, p.source === 'satellite');
    const out = this.vessel(p.mmsi).pushPosition(p);
    for (const d of this.globals) if (d.pushPosition) out.push(...d.pushPosition(p));
    return out;
  }

  private pushStatic(s: StaticReport): TumenEvent[] {
    this.stats.statics++;
    const out = this.vessel(s.mmsi).pushStatic(s);
    for (const d of this.globals) if (d.pushStatic) out.push(...d.pushStatic(s));
    return out;
  }

  private async newPositions(): Promise<Position[]> {
    if (this.positionsMark < 0 && !(await tableExists(this.store, 'positions'))) return [];
    const rows = await this.store.all<Record<string, unknown>>(
      `SELECT rowid AS r, mmsi, epoch_ms(time)::DOUBLE AS t, lat, lon, speed, course, heading, status, source
       FROM positions WHERE rowid > $mark ORDER BY time, mmsi`, { mark: this.positionsMark },
    );
    for (const r of rows) this.positionsMark = Math.max(this.positionsMark, Number(r.r));
    return rows.map((r) => ({
      mmsi: Number(r.mmsi), timeMs: Number(r.t), lat: Number(r.lat), lon: Number(r.lon),
      speedKn: r.speed === null ? null : Math.round(Number(r.speed) * 10) / 10,
      courseDeg: r.course === null ? null : Math.round(Number(r.course) * 10) / 10,
      headingDeg: num(r.heading), status: num(r.status), source: (r.source as ReceptionSource | null) ?? null,
    }));
  }

  private async newStatics(): Promise<StaticReport[]> {
    if (this.staticsMark < 0 && !(await tableExists(this.store, 'statics'))) return [];
    const rows = await this.store.all<Record<string, unknown>>(
      `SELECT rowid AS r, mmsi, epoch_ms(time)::DOUBLE AS t, imo, shipname, callsign, shiptype, draught, destination, length, beam
       FROM statics WHERE rowid > $mark ORDER BY time, mmsi`, { mark: this.staticsMark },
    );
    for (const r of rows) this.staticsMark = Math.max(this.staticsMark, Number(r.r));
    return rows.map((r) => ({
      mmsi: Number(r.mmsi), timeMs: Number(r.t), imo: num(r.imo), shipname: (r.shipname as string | null) ?? null,
      callsign: (r.callsign as string | null) ?? null, shiptype: num(r.shiptype), draughtM: num(r.draught),
      destination: (r.destination as string | null) ?? null, lengthM: num(r.length), beamM: num(r.beam),
    }));
  }

  private async publish(events: TumenEvent[]): Promise<TumenEvent[]> {
    const unique = [...new Map(events.map((e) => [e.id, e])).values()];
    const fresh: TumenEvent[] = [];
    for (const e of unique) {
      const exists = await this.store.one('SELECT 1 AS x FROM events WHERE id = $id', { id: e.id });
      if (exists) continue;
      await this.store.run(
        `INSERT INTO events (id, type, mmsi, start, "end", lat, lon, other_mmsi, port_id, body)
         VALUES ($id, $type, $mmsi, $start::TIMESTAMPTZ::TIMESTAMP, $end::TIMESTAMPTZ::TIMESTAMP, $lat, $lon, $other, $port, $body::JSON)`,
        { id: e.id, type: e.type, mmsi: e.mmsi, start: e.start, end: e.end, lat: e.lat, lon: e.lon, other: e.other_mmsi ?? null, port: e.port?.id ?? null, body: JSON.stringify(e) },
      );
      fresh.push(e);
    }
    this.stats.events += fresh.length;
    if (fresh.length) storeChanged();
    for (const e of fresh) this.hub.publish(e);
    return fresh;
  }
}
