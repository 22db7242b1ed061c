// The contract every detection adapter keeps: on one simulated world, the batch run (`tumen detect`), a
// report-by-report replay, replays snapshotted and restored at several cuts, the live feed over a store
// and the threaded batch run (src/parallel) give the same events — ids and content. The cluster adapter is held to it in test/cluster.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asLines, batchEvents, contractWorld, replayEvents, type World } from './world.js';
import { Store } from '../../src/store/db.js';
import { ensurePositionsSchema } from '../../src/store/positions.js';
import { LiveDetection } from '../../src/server/live-detect.js';
import { EventHub } from '../../src/server/event-hub.js';
import { queryEvents } from '../../src/store/events-write.js';
import type { TumenEvent } from '../../src/events/schema.js';
import { runPipeline } from '../../src/detectors/pipeline.js';
import { storeInput } from '../../src/store/pipeline-source.js';
import { portIndex } from '../../src/reference/wpi.js';
import { runPipelineThreaded } from '../../src/parallel/detect-threads.js';

let world: World;
let batch: TumenEvent[];
let replay: { live: TumenEvent[]; all: TumenEvent[] };

beforeAll(async () => {
  world = contractWorld();
  batch = await batchEvents(world);
  replay = replayEvents(world);
}, 120_000);

describe('detection runner contract', () => {
  it('the world shows most event types (else the contract proves little)', () => {
    const types = new Set(batch.map((e) => e.type));
    for (const t of ['gap', 'port_visit', 'encounter', 'loitering', 'identity_change', 'dark_port_call']) expect(types, t).toContain(t);
    expect(batch.length).toBeGreaterThan(40);
  });

  it('batch = report-by-report replay', () => {
    expect(asLines(replay.all)).toEqual(asLines(batch));
  });

  it('batch = replay snapshotted and restored (through JSON) at 5 cuts', () => {
    const restored = replayEvents(world, [0.01, 0.2, 0.5, 0.77, 0.999]);
    expect(asLines(restored.all)).toEqual(asLines(batch));
    expect(asLines(restored.live)).toEqual(asLines(replay.live));
  }, 120_000);

  it('with a short reception horizon (hours forgotten on the way), batch = replay restored at 4 cuts', async () => {
    // gap.maxJudgedSilenceH 8 and segment.maxLookbackH 4: a 38 h horizon, so the 3-day world forgets its
    // first 10 h at 48 h and judges silences on their last 8 h — alike in every adapter (the default 218 h
    // never bites on 3 days).
    const options = { params: { gap: { maxJudgedSilenceH: 8 }, segment: { maxLookbackH: 4 } } };
    const shortBatch = await batchEvents(world, options);
    const restored = replayEvents(world, [0.2, 0.5, 0.77, 0.999], options);
    expect(asLines(restored.all)).toEqual(asLines(shortBatch));
    expect(asLines(shortBatch)).not.toEqual(asLines(batch)); // the parameters bit
  }, 120_000);

  describe('live feed over a store', () => {
    let store: Store;
    afterAll(() => store?.close());

    it('stores exactly the events the replay completes before its final flush', async () => {
      store = await Store.open(':memory:');
      await ensurePositionsSchema(store);
      const live = new LiveDetection(store, new EventHub());
      await live.start({ poll: false });
      // Three arrivals of rows (one a day), each followed by a poll.
      const dayMs = 86_400_000;
      const t0 = Math.min(...world.positions.map((p) => p.timeMs));
      for (let d = 0; d < 4; d++) {
        const inDay = (t: number) => t >= t0 + d * dayMs && t < t0 + (d + 1) * dayMs;
        await insertRows(store, world.positions.filter((p) => inDay(p.timeMs)), world.statics.filter((s) => inDay(s.timeMs)));
        await live.poll();
      }
      expect(live.stats.errors).toBe(0);
      const stored = await queryEvents(store);
      expect(stored.length).toBeGreaterThan(20);
      expect(asLines(stored)).toEqual(asLines(replay.live));
    }, 120_000);

    it('the batch run over that store, read in small batches, is the batch run over memory', async () => {
      expect(world.statics.length).toBeGreaterThan(3000); // more than one DuckDB chunk of statics
      const { events } = await runPipeline(storeInput(store, {}, 1000), { windowEndMs: world.endMs, ports: portIndex() });
      expect(asLines(events)).toEqual(asLines(batch));
    }, 120_000);

    it('the threaded batch run over that store (`tumen detect`: vessels split over 2 threads) is the batch run, events and stats', async () => {
      const one = await runPipeline(storeInput(store, {}, 1000), { windowEndMs: world.endMs, ports: portIndex() });
      const { events, stats } = await runPipelineThreaded(storeInput(store, {}, 1000), { threads: 2, windowEndMs: world.endMs, ports: 'points' });
      expect(asLines(events)).toEqual(asLines(batch));
      expect(stats).toEqual(one.stats);
      expect(stats.positions).toBe(world.positions.length);
    }, 120_000);
  });
});

/** Appends rows the way an ingest does, in bulk (through a JSON Lines file DuckDB reads). */
async function insertRows(store: Store, positions: World['positions'], statics: World['statics']): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tumen-contract-'));
  try {
    const pf = join(dir, 'p.jsonl'), sf = join(dir, 's.jsonl');
    writeFileSync(pf, positions.map((p) => JSON.stringify({ ...p, source: p.source ?? null, stations: p.stations ?? null })).join('\n'));
    writeFileSync(sf, statics.map((s) => JSON.stringify(s)).join('\n'));
    if (positions.length) {
      await store.run(
        `INSERT INTO positions (mmsi, time, lat, lon, speed, course, heading, status, source, stations, dedup_key)
         SELECT mmsi, epoch_ms(timeMs::BIGINT), lat, lon, speedKn, courseDeg, headingDeg, status, source, stations, 0
         FROM read_json(?, format = 'newline_delimited', columns = {mmsi: 'UINTEGER', timeMs: 'DOUBLE', lat: 'DOUBLE', lon: 'DOUBLE',
           speedKn: 'DOUBLE', courseDeg: 'DOUBLE', headingDeg: 'SMALLINT', status: 'UTINYINT', source: 'VARCHAR', stations: 'VARCHAR[]'})`, [pf],
      );
    }
    if (statics.length) {
      await store.run(
        `INSERT INTO statics (mmsi, time, imo, shipname, callsign, shiptype, draught, destination, length, beam, dedup_key)
         SELECT mmsi, epoch_ms(timeMs::BIGINT), imo, shipname, callsign, shiptype, draughtM, destination, lengthM, beamM, 0
         FROM read_json(?, format = 'newline_delimited', columns = {mmsi: 'UINTEGER', timeMs: 'DOUBLE', imo: 'UINTEGER', shipname: 'VARCHAR',
           callsign: 'VARCHAR', shiptype: 'UTINYINT', draughtM: 'DOUBLE', destination: 'VARCHAR', lengthM: 'DOUBLE', beamM: 'DOUBLE'})`, [sf],
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
