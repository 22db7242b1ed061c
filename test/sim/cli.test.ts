// `tumen simulate` writes the files the docs promise, byte-identical for one seed; bad options are clear
// errors; `tumen demo` runs simulate → ingest → detect and summarises.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram } from '../../src/cli/main.js';
import { runDemo } from '../../src/cli/commands/demo.js';

const FILES = ['ais.nmea', 'world.json', 'truth/events.jsonl', 'truth/vessels.jsonl', 'truth/glitches.jsonl', 'scenes.jsonl', 'detections.csv', 'truth/imagery.jsonl', 'truth/fuel.jsonl'];

async function run(args: string[]): Promise<void> {
  const program = buildProgram();
  program.configureOutput({ writeOut: () => {}, writeErr: () => {} });
  await program.parseAsync(['node', 'tumen', ...args]);
}

describe('tumen simulate', () => {
  it('writes ais.nmea, truth/*.jsonl and world.json, byte-identical for the same seed', async () => {
    const a = mkdtempSync(join(tmpdir(), 'sim-a-')), b = mkdtempSync(join(tmpdir(), 'sim-b-'));
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      await run(['simulate', '--out', a, '--vessels', '25', '--days', '2', '--seed', '11']);
      await run(['simulate', '--out', b, '--vessels', '25', '--days', '2', '--seed', '11']);
    } finally {
      process.stdout.write = write;
    }
    for (const f of FILES) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    const world = JSON.parse(readFileSync(join(a, 'world.json'), 'utf8'));
    expect(world).toMatchObject({ seed: 11, vessels: 25, days: 2, start: '2024-03-01T00:00:00.000Z', end: '2024-03-03T00:00:00.000Z' });
    const vessels = readFileSync(join(a, 'truth/vessels.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(vessels.length).toBe(Object.values(world.counts.vessels_by_role as Record<string, number>).reduce((x, y) => x + y, 0));
    expect(vessels.some((v) => v.role === 'arms_shuttle' && v.script.length > 0)).toBe(true);
    const nmea = readFileSync(join(a, 'ais.nmea'), 'utf8').trim().split('\n');
    expect(nmea.length).toBe(world.counts.lines);
    expect(nmea[0]).toMatch(/^\\s:[A-Z0-9]+,c:\d{10}\*[0-9A-F]{2}\\!AIVDM,\d,\d,\d?,[AB],[0-9:;<=>?@A-W`a-w]+,\d\*[0-9A-F]{2}$/);
    const events = readFileSync(join(a, 'truth/events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    for (const e of events) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['id', 'type', 'mmsi', 'start', 'end', 'lat', 'lon', 'evidence']));
      expect(e.start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
  }, 60_000);

  it('rejects bad options with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-bad-'));
    await expect(run(['simulate', '--out', dir, '--vessels', '0'])).rejects.toThrow(/--vessels must be a positive integer/);
    await expect(run(['simulate', '--out', dir, '--days', 'x'])).rejects.toThrow(/--days must be a positive number/);
    await expect(run(['simulate', '--out', dir, '--start', 'yesterday'])).rejects.toThrow(/--start must be an ISO-8601 time/);
    expect(existsSync(join(dir, 'ais.nmea'))).toBe(false);
  });
});

describe('tumen demo', () => {
  it('simulates, ingests, detects and prints the events by type with the truth beside them', async () => {
    const out = mkdtempSync(join(tmpdir(), 'demo-'));
    // 60 ships, not fewer: POLYUS's silence is judged against the other ships heard along its path (its own
    // silence is left out); in a 30-ship world only 2 other ship-hours pass there, too few to show the
    // reception good, and the gap is rightly not called intentional (no dark call).
    const r = await runDemo({ out, db: join(out, 'demo.duckdb'), world: { vessels: 60, days: 2, seed: 3 } });
    expect(existsSync(r.dbPath)).toBe(true);
    expect(r.summary).toMatch(/NMEA lines: \d+/);
    expect(r.summary).toMatch(/events\s+found\s+truth/);
    expect(r.truth.length).toBeGreaterThan(10);
    expect(r.detected.filter((e) => e.type === 'port_visit').length).toBeGreaterThan(5);
    expect(r.summary).toContain('port_visit');
    // Ships by name, flag, IMO and MMSI: the dark call, both ships of an encounter, the former identity.
    expect(r.summary).toMatch(/^ {4}POLYUS \(RU, IMO 8509985, MMSI 273939860\) +dark +29 h .* likely Najin\/Rajin \(KP\)$/m);
    expect(r.summary).toMatch(/encounter .* \(KP, IMO \d{7}, MMSI 445\d{6}\) with .* \(MN, IMO \d{7}, MMSI 457\d{6}\)$/m);
    expect(r.summary).toMatch(/identity_change .* \(CM, IMO (\d{7}), MMSI 613\d{6}\), formerly \S.* \(SL, IMO \1, MMSI 667\d{6}, call sign \w+\)$/m);
  }, 60_000);
});
