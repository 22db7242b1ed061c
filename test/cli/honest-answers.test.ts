// Honest answers from the CLI: unknown input is an error with a hint and a non-zero exit; a read command
// never creates a store; screening says what it checked; vessels are shown by name, flag and IMO; reads
// work while `tumen serve` holds the store (read-only beside it, or through it when it writes).
// Commands run in-process (as bin/tumen.js runs them); the lock cases spawn the built bin (npm test builds
// first), since DuckDB's file locks are per process.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { Store } from '../../src/store/db.js';
import { startServer } from '../../src/server/start.js';
import { announceServer } from '../../src/cli/store-access.js';
import { importList } from '../../src/server/integrations.js';
import { ANGARA, CHON_MA_SAN, fillStore } from '../server/fixture-store.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'tumen.js');

/** One command in this process: stdout/stderr captured, a thrown error is exit 1 with `tumen: message` (bin/tumen.js). */
async function tumen(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  let stdout = '', stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { stdout += String(s); return true; });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { stderr += String(s); return true; });
  process.exitCode = undefined;
  let status = 0;
  try {
    await main(['node', 'tumen', ...args]);
    status = Number(process.exitCode ?? 0);
  } catch (e) {
    stderr += `tumen: ${(e as Error).message}\n`;
    status = 1;
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
  return { status, stdout, stderr };
}

/** The built bin in its own process, async so an in-process server can answer while it runs. */
function tumenProcess(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args]);
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

let dir: string;
let db: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tumen-honest-'));
  db = join(dir, 'store.duckdb');
  const store = await Store.open(db);
  await fillStore(store);
  store.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('honest answers', () => {
  it('an unknown vessel is an error with a hint and exit 1', async () => {
    const r = await tumen('vessel', '999999999', '--db', db);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no vessel matching "999999999"');
  });

  it('--db of a missing file is an error and creates nothing', async () => {
    const missing = join(dir, 'nonexist.duckdb');
    for (const cmd of [['events'], ['stats'], ['vessel', 'ANGARA'], ['screen', 'ANGARA']]) {
      const r = await tumen(...cmd, '--db', missing);
      expect(r.status, cmd.join(' ')).toBe(1);
      expect(r.stderr).toContain(`no store at ${missing}`);
    }
    expect(existsSync(missing)).toBe(false);
  });

  it('detect --lake of a directory that is no lake, and --nats without --lake, are errors with a hint', async () => {
    const r = await tumen('detect', '--db', db, '--lake', join(dir, 'no-lake'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no day=YYYY-MM-DD/*.parquet files (write a lake with: tumen export --format parquet --partition-by day');
    const n = await tumen('detect', '--db', db, '--nats', 'nats://127.0.0.1:4222');
    expect(n.status).toBe(2);
    expect(n.stderr).toContain('--nats needs --lake DIR');
  });

  it('an unknown --type lists the valid types and suggests the near one', async () => {
    const r = await tumen('events', '--db', db, '--type', 'darkportcall');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('did you mean dark_port_call?');
    expect(r.stderr).toContain('(one of: gap, dark_port_call, port_visit');
  });

  it('dates are strict ISO-8601 (03/02/2024 is refused, not read month-first)', async () => {
    const r = await tumen('events', '--db', db, '--from', '03/02/2024');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not an ISO-8601 time: "03/02/2024"');
    const bad = await tumen('events', '--db', db, '--to', '2024-02-31');
    expect(bad.status).toBe(2);
    const ok = await tumen('events', '--db', db, '--from', '2024-03-01T19:00', '--type', 'encounter');
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('an empty answer says what was searched', async () => {
    const r = await tumen('events', '--db', db, '--type', 'spoofing');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no events in');
    expect(r.stderr).toContain('type spoofing');
  });

  it('events carry names, flags and IMO (JSON Lines and CSV)', async () => {
    const j = await tumen('events', '--db', db, '--type', 'encounter');
    const e = JSON.parse(j.stdout);
    expect(e.vessel).toMatchObject({ mmsi: ANGARA, name: 'ANGARA', imo: '9179842', flag: 'RU' });
    expect(e.other_vessel).toMatchObject({ mmsi: CHON_MA_SAN, name: 'CHON MA SAN', imo: '8660313', flag: 'KP' });
    const c = await tumen('events', '--db', db, '--type', 'encounter', '--format', 'csv');
    const [header, row] = c.stdout.trim().split('\r\n');
    expect(header.split(',').slice(0, 6)).toEqual(['id', 'type', 'mmsi', 'name', 'imo', 'flag']);
    expect(row).toContain(`${ANGARA},ANGARA,9179842,RU`);
    expect(row).toContain(`${CHON_MA_SAN},CHON MA SAN,8660313,KP`);
  });

  it('a dossier with no lists loaded says NOT SCREENED, never "clear"', async () => {
    const r = await tumen('vessel', 'ANGARA', '--db', db);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Vessel: ANGARA  IMO 9179842  flag RU');
    expect(r.stdout).toContain('Sanctions screening: NOT SCREENED: no sanctions lists loaded');
    expect(r.stdout).not.toMatch(/screening: clear/i);
    expect(r.stdout).toMatch(/encounter with CHON MA SAN \(KP, IMO 8660313, MMSI 445000002\)/);
  });

  it('a former name lands on the ship', async () => {
    const r = await tumen('vessel', 'chonmasan', '--db', db, '--format', 'json');
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.mmsis).toEqual([CHON_MA_SAN]);
    expect(d.current.shipname).toBe('CHON MA SAN');
  });
});

describe('tumen screen --with-risk', () => {
  it('puts behaviour beside the list verdict: a clear ship can still be high risk, an unseen one says so', async () => {
    const listed = join(dir, 'listed.duckdb');
    const store = await Store.open(listed);
    await fillStore(store);
    await importList(store, { format: 'csv', filename: 'watch.csv', content: new TextEncoder().encode('imo,name\n8660313,CHON MA SAN\n'), importedAt: new Date('2024-03-05T00:00:00Z') });
    store.close();
    const fleet = join(dir, 'fleet.csv');
    writeFileSync(fleet, `name,mmsi\nANGARA,${ANGARA}\nGHOST,999000001\n`);
    const r = await tumen('screen', '--db', listed, '--file', fleet, '--with-risk', '--format', 'csv');
    expect(r.status).toBe(0);
    const [header, angara, ghost] = r.stdout.trim().split('\n');
    expect(header.split(',').slice(-7)).toEqual(['seen', 'risk_level', 'risk_score', 'last_seen', 'dark_events', 'events', 'mmsis']);
    // ANGARA is on no list, yet met a listed ship and went dark: clear on the lists, high by behaviour.
    expect(angara).toMatch(new RegExp(`^1,ANGARA,,${ANGARA},,clear,.*,true,high,\\d+,2024-03-02T00:00:00.000Z,1,2,${ANGARA}$`));
    expect(ghost).toMatch(/,clear,.*,false,,,,0,0,$/);
    expect(r.stderr).toMatch(/^screened against watchlist sha256:\w+ \(imported 2024-03-05, 1 vessels\)/);
    expect(r.stderr).toContain('1 high or sanctioned by behaviour');
  });
});

describe('many readers, one writer', () => {
  it('reads beside a read-only server, and a write is refused with a clear message', async () => {
    const server = await startServer({ dbPath: db, port: 0, token: null, webRoot: null });
    try {
      expect(server.readOnly).toBe(true);
      const r = await tumenProcess('events', '--db', db, '--type', 'gap');
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).id).toBe('gap-angara-1');
      const w = await tumenProcess('detect', '--db', db);
      expect(w.status).toBe(1);
      expect(w.stderr).toContain(`cannot write to store ${db}: another process (PID ${process.pid}) has it open`);
    } finally {
      await server.close();
    }
  });

  it('reads through a writing server that holds the store', async () => {
    const server = await startServer({ dbPath: db, port: 0, token: 'x'.repeat(20), webRoot: null });
    const withdraw = announceServer(db, { url: server.url, pid: process.pid, readOnly: false });
    try {
      expect(server.readOnly).toBe(false);
      const r = await tumenProcess('events', '--db', db, '--type', 'encounter');
      expect(r.status).toBe(0);
      expect(r.stderr).toContain('reading through');
      expect(JSON.parse(r.stdout).other_vessel.name).toBe('CHON MA SAN');
      const v = await tumenProcess('vessel', String(ANGARA), '--db', db);
      expect(v.status).toBe(0);
      expect(v.stdout).toContain('Vessel: ANGARA');
    } finally {
      withdraw();
      await server.close();
    }
  });
});
