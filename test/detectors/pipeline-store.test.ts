import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Store } from '../../src/store/db.js';
import { ensurePositionsSchema } from '../../src/store/positions.js';
import { storeInput } from '../../src/store/pipeline-source.js';
import { queryEvents, replaceEvents } from '../../src/store/events-write.js';
import { memoryInput, runPipeline } from '../../src/detectors/pipeline.js';
import { buildProgram } from '../../src/cli/main.js';
import { destination } from '../../src/geo/sphere.js';
import type { Position } from '../../src/tracks/position.js';
import { HOUR, MIN, T0, leg, pos } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'tumen-detect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Two vessels: one dark for 14 h off Nakhodka, one calling at Vostochny (stop 6 h). Three slow ships nearby
 *  show reception there good (OTHER vessels heard every hour of the gap; the hearing model needs >= 3). */
function world(): Position[] {
  const dark = [...leg(273000001, T0, 80, 10, 42.5, 132.5, 0, 0.001, 10, 90), ...leg(273000001, T0 + 27 * HOUR, 20, 10, 42.4, 132.6, 0, 0.001)];
  const berth = destination(42.75, 133.0833, 270, 1000);
  const caller: Position[] = [];
  let t = T0;
  for (let km = 12; km > 1; km--) { const p = destination(42.75, 133.0833, 270, km * 1000); caller.push(pos(273000002, t, p.lat, p.lon, 8, 90)); t += 6 * MIN; }
  for (let i = 0; i < 60; i++) { caller.push(pos(273000002, t, berth.lat, berth.lon, 0)); t += 6 * MIN; }
  for (let km = 2; km < 12; km++) { const p = destination(42.75, 133.0833, 270, km * 1000); caller.push(pos(273000002, t, p.lat, p.lon, 8, 270)); t += 6 * MIN; }
  const last = destination(42.75, 133.0833, 270, 12_000);
  caller.push(...leg(273000002, t, Math.floor((T0 + 30 * HOUR - t) / (10 * MIN)), 10, last.lat, last.lon, -0.005, 0, 10, 180));
  const other = [0, 1, 2].flatMap((i) => leg(273000003 + i, T0, 6 * 30, 10, 42.55 + i * 0.01, 132.45, 0, 0.0005, 3, 90));
  return [...dark, ...caller, ...other];
}

async function seed(path: string, positions: Position[]): Promise<void> {
  const store = await Store.open(path);
  await ensurePositionsSchema(store);
  for (const p of positions) {
    await store.run(
      `INSERT INTO positions (mmsi, time, lat, lon, speed, course, heading, status, type, source, stations, dedup_key)
       VALUES (?, epoch_ms(?::BIGINT), ?, ?, ?, ?, NULL, NULL, 1, 'terrestrial', NULL, 0)`,
      [p.mmsi, p.timeMs, p.lat, p.lon, p.speedKn, p.courseDeg],
    );
  }
  store.close();
}

describe('pipeline over the store, tumen detect / events', () => {
  const path = join(dir, 'w.duckdb');

  it('memory and store inputs give the same events', async () => {
    const positions = world();
    await seed(path, positions);
    const mem = await runPipeline(memoryInput(positions));
    const store = await Store.open(path);
    try {
      const db = await runPipeline(storeInput(store));
      expect(db.events).toEqual(mem.events);
      expect(mem.events.map((e) => `${e.type}:${e.mmsi}`)).toEqual(['port_visit:273000002', 'dark_port_call:273000001', 'gap:273000001']);
      const gap = mem.events.find((e) => e.type === 'gap')!;
      expect(gap).toMatchObject({ intentional: true, duration_h: 13.833, start: '2024-03-01T13:10:00.000Z', end: '2024-03-02T03:00:00.000Z' });
      expect(mem.stats).toMatchObject({ positions: positions.length, vessels: 5, outliers: 0, segments: 5 });
    } finally {
      store.close();
    }
  });

  it('replaceEvents is idempotent: same input, same ids, no duplicates', async () => {
    const store = await Store.open(path);
    try {
      const { events } = await runPipeline(storeInput(store));
      await replaceEvents(store, events, ['gap', 'port_visit', 'dark_port_call']);
      const again = await runPipeline(storeInput(store));
      const r = await replaceEvents(store, again.events, ['gap', 'port_visit', 'dark_port_call']);
      expect(r).toEqual({ deleted: 3, inserted: 3 });
      const stored = await queryEvents(store);
      expect(stored).toEqual(events);
      expect(await queryEvents(store, { types: ['gap'], mmsi: 273000001 })).toHaveLength(1);
      expect(await queryEvents(store, { fromMs: T0 + 40 * HOUR })).toHaveLength(0);
      expect(await queryEvents(store, { bbox: [132.9, 42.7, 133.2, 42.8] })).toHaveLength(1);
    } finally {
      store.close();
    }
  });

  it('tumen detect then tumen events --format geojson / csv', async () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { out.push(String(s)); return true; });
    try {
      await buildProgram().parseAsync(['node', 'tumen', 'detect', '--db', path]);
      await buildProgram().parseAsync(['node', 'tumen', 'detect', '--db', path, '--threads', '2']); // the same events
      expect(out[1]).toMatch(/^detected 3 events \(.*\) from 852 positions of 5 vessels .*replaced 3 stored events/);
      out.length = 0;
      await buildProgram().parseAsync(['node', 'tumen', 'events', '--db', path, '--format', 'geojson', '--type', 'gap']);
      const fc = JSON.parse(out.join(''));
      expect(fc.type).toBe('FeatureCollection');
      expect(fc.features).toHaveLength(1);
      out.length = 0;
      await buildProgram().parseAsync(['node', 'tumen', 'events', '--db', path, '--format', 'csv']);
      expect(out.join('').trim().split('\r\n')).toHaveLength(4);
      out.length = 0;
      await buildProgram().parseAsync(['node', 'tumen', 'events', '--db', path]);
      expect(out.join('').trim().split('\n').map((l) => JSON.parse(l).type)).toEqual(['port_visit', 'dark_port_call', 'gap']);
    } finally {
      spy.mockRestore();
    }
  });
});
