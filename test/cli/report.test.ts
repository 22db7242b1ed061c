// `tumen report`: the evidence pack as a user makes it from a store file — HTML with the print map, names,
// every candidate port, input files with SHA-256, list versions, the Tumen version, the command; KMZ; PDF.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { storedFileHashes } from '../../src/store/file-hashes.js';
import { detectRunsFor, recordDetectRun } from '../../src/store/detect-runs.js';
import { ensureIngestLogSchema, finishIngestLog, startIngestLog } from '../../src/store/ingest-log.js';
import { importList } from '../../src/server/integrations.js';
import { fileKey } from '../../src/io/file-key.js';
import { ANGARA, T0, fillStore } from '../server/fixture-store.js';
import { tumen } from '../cli-harness.js';

let dir: string;
let db: string;
let nmeaSha: string;

const DARK_CALL = {
  id: 'dpc-angara-1', type: 'dark_port_call', mmsi: ANGARA, start: new Date(T0 + 8 * 3_600_000).toISOString(), end: new Date(T0 + 18 * 3_600_000).toISOString(),
  lat: 42.6, lon: 132.3, evidence: { duration_h: 10 }, duration_h: 10,
  port: { id: 'KPNJN', name: 'Najin/Rajin', country: 'KP' },
  candidates: [
    { id: 'KPNJN', name: 'Najin/Rajin', country: 'KP', feasibility: 0.8, score: 0.6 },
    { id: 'KPCHO', name: 'Chongjin', country: 'KP', feasibility: 0.7, score: 0.3 },
    { id: 'RUVYP', name: 'Vostochny', country: 'RU', feasibility: 0.9, score: 0.1 },
  ],
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tumen-report-'));
  db = join(dir, 'w.duckdb');
  // An input file as `tumen simulate` leaves it: ais.nmea with world.json beside it.
  const nmea = join(dir, 'ais.nmea');
  writeFileSync(nmea, '!AIVDM,1,1,,A,13u?etPv2;0n:dDPwUM1U1Cb069D,0*24\n'.repeat(100));
  writeFileSync(join(dir, 'world.json'), JSON.stringify({ generator: 'tumen simulate', seed: 1 }));
  nmeaSha = createHash('sha256').update(readFileSync(nmea)).digest('hex');
  const store = await Store.open(db);
  await fillStore(store);
  await store.run(`INSERT INTO events VALUES ($id, 'dark_port_call', $mmsi, $s::TIMESTAMP, $e::TIMESTAMP, 42.6, 132.3, NULL, 'KPNJN', $body)`,
    { id: DARK_CALL.id, mmsi: ANGARA, s: DARK_CALL.start.replace('Z', ''), e: DARK_CALL.end.replace('Z', ''), body: JSON.stringify(DARK_CALL) });
  await ensureIngestLogSchema(store);
  const id = await startIngestLog(store, { source: nmea, fileKey: fileKey(nmea), format: 'nmea', startedMs: T0 });
  await finishIngestLog(store, id, 'done', T0 + 1000);
  await importList(store, { format: 'csv', filename: 'watch.csv', content: new TextEncoder().encode('imo,name,reason\n9179842,ANGARA,test\n'), importedAt: new Date('2024-03-05T00:00:00Z') });
  store.close();
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tumen report', () => {
  it('writes an HTML pack and a KMZ for a ship named by its name', async () => {
    const out = join(dir, 'out');
    const r = await tumen(['report', 'ANGARA', '--db', db, '--out', out, '--format', 'html,kmz']);
    expect(r.stderr).toContain('yes simulated');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Tumen evidence: ANGARA (RU, IMO 9179842, MMSI 273000001)');
    const html = readFileSync(join(out, 'tumen-report-imo9179842.html'), 'utf8');
    // Simulated, said at the top and on every printed page.
    expect(html).toContain('SIMULATED DATA — every AIS input of this report is a world made by `tumen simulate`');
    expect(html).toContain('class="page-flag"');
    // The print map, not a screen capture.
    expect(html).toContain('<svg class="print-map"');
    expect(html).not.toContain('data:image/png');
    expect(html).toMatch(/class="scale-bar"/);
    // Every candidate, with its share.
    for (const c of ['Najin/Rajin (KP)</td><td>60 %', 'Chongjin (KP)</td><td>30 %', 'Vostochny (RU)</td><td>10 %']) expect(html).toContain(c);
    // Input file with its full SHA-256, the list and its version, the Tumen version and the command.
    expect(html).toContain(nmeaSha);
    // The hash is kept for the next pack (path, size and mtime of the file).
    const kept = await Store.open(db, { readOnly: true });
    expect([...(await storedFileHashes(kept)).values()]).toEqual([nmeaSha]);
    kept.close();
    expect(html).toMatch(/<td>watchlist<\/td><td>[^<]*<\/td><td>sha256:[0-9a-f]{12}<\/td>/);
    expect(html).toMatch(/by tumen 0\.1\.0/);
    expect(html).toContain(`tumen report ANGARA --db ${db} --out ${out} --format html,kmz`);
    expect(html).toContain(`tumen ingest --db ${db} ${join(dir, 'ais.nmea')}`);
    // Events put in the store without a recorded detect run: their overrides are unknown, and it says so.
    expect(html).toMatch(/<td>dark_port_call<\/td><td>not recorded<\/td><td><\/td><td>unknown<\/td>/);
    expect(html).toContain('no detect run recorded in this store');
    // Names on the events.
    expect(html).toContain('ANGARA (RU, IMO 9179842, MMSI 273000001)');
    expect(html).toContain('CHON MA SAN');
    const kmz = readFileSync(join(out, 'tumen-report-imo9179842.kmz'));
    const nameLen = kmz.readUInt16LE(26);
    expect(kmz.subarray(30, 30 + nameLen).toString()).toBe('doc.kml');
    const kml = inflateRawSync(kmz.subarray(30 + nameLen, 30 + nameLen + kmz.readUInt32LE(18))).toString();
    expect(kml).toContain('<kml xmlns="http://www.opengis.net/kml/2.2">');
    expect(kml).toContain('dark_port_call ANGARA (MMSI 273000001)');
    expect(kml).toContain('candidate_port');
  });

  it('makes one event\'s pack with both ships of an encounter', async () => {
    const out = join(dir, 'ev');
    const r = await tumen(['report', '--event', 'enc-1', '--db', db, '--out', out, '--format', 'html']);
    expect(r.status).toBe(0);
    const html = readFileSync(join(out, 'tumen-report-enc-1.html'), 'utf8');
    expect(html).toContain('encounter · ANGARA (RU, IMO 9179842, MMSI 273000001) ↔ CHON MA SAN');
    expect(html).toContain('track of the other ship');
  });

  it('makes the pack of an event selection: the events page\'s filters, every candidate port on the map', async () => {
    const out = join(dir, 'sel');
    const r = await tumen(['report', '--events', 'type=dark_port_call,encounter', '--db', db, '--out', out, '--format', 'html']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Tumen evidence: event selection (2 events)');
    const html = readFileSync(join(out, 'tumen-report-selection.html'), 'utf8');
    expect(html).toContain('<h2>Events (2)</h2>');
    expect(html).toContain('dpc-angara-1');
    expect(html).toContain('enc-1');
    expect(html).toContain('selection: <code>events matching ?type=dark_port_call,encounter</code>');
    expect(html).toContain('<svg class="print-map"');
    for (const port of ['Najin/Rajin', 'Chongjin', 'Vostochny']) expect(html).toContain(port);
    expect(html).toContain(nmeaSha);
    const none = await tumen(['report', '--events', 'type=spoofing', '--db', db, '--out', out, '--format', 'html']);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/no event matches the selection "type=spoofing"/);
  });

  it('refuses unknown ships and events, bad formats and a missing subject, with a hint and exit 1', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['report', 'NO SUCH SHIP', '--db', db, '--format', 'html'], /no vessel matching "NO SUCH SHIP"/],
      [['report', '--event', 'nope', '--db', db], /no event "nope".*tumen events/],
      [['report', 'ANGARA', '--db', db, '--format', 'docx'], /--format takes .*html, pdf, kmz/],
      [['report', '--db', db], /name one ship .*, one event .* or one selection/],
      [['report', '--events', 'type=gap&colour=red', '--db', db], /events selection "type=gap&colour=red": .*colour/],
      [['report', '--events', 'type=darkportcall', '--db', db], /type/],
      [['report', 'ANGARA', '--db', db, '--from', '03/02/2024'], /--from: not an ISO-8601 time/],
    ];
    for (const [args, msg] of cases) {
      const r = await tumen(args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(msg);
    }
  });

  it('names the --param overrides the events were detected with, and the detect command that repeats them', async () => {
    const db2 = join(dir, 'params.duckdb');
    copyFileSync(db, db2);
    const d = await tumen(['detect', '--db', db2, '--type', 'gap', '--param', 'gap.minGapH=8']);
    expect(d.status).toBe(0);
    const store = await Store.open(db2);
    const gapRun = (await detectRunsFor(store, ['gap'])).get('gap');
    expect(gapRun).toMatchObject({ command: 'tumen detect', types: ['gap'], params: ['gap.minGapH=8'] });
    // A dark port call is found from a gap: a run of that type with the same override.
    await recordDetectRun(store, { command: 'tumen detect', types: ['dark_port_call'], params: ['gap.minGapH=8'], atMs: T0 });
    store.close();
    const out = join(dir, 'params');
    const r = await tumen(['report', '--event', 'dpc-angara-1', '--db', db2, '--out', out, '--format', 'html']);
    expect(r.status).toBe(0);
    const html = readFileSync(join(out, 'tumen-report-dpc-angara-1.html'), 'utf8');
    expect(html).toMatch(/<td>dark_port_call<\/td><td>tumen detect<\/td><td>[^<]+<\/td><td>gap.minGapH=8<\/td>/);
    expect(html).toContain(`tumen detect --db ${db2} --param gap.minGapH=8\n`);
    expect(html).not.toContain('no detect run recorded');
  });

  it.runIf(existsSync('/usr/bin/chromium'))('prints a PDF with headless Chromium', async () => {
    const out = join(dir, 'pdf');
    const r = await tumen(['report', '--event', 'dpc-angara-1', '--db', db, '--out', out, '--format', 'pdf']);
    expect(r.stderr).not.toContain('tumen:');
    expect(r.status).toBe(0);
    const pdf = readFileSync(join(out, 'tumen-report-dpc-angara-1.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
  }, 240_000);
});
