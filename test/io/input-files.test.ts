// Input files of an evidence pack: hashed in full once, then the hash is reused while the file keeps its
// path, size and modification time; kept in the store when it can be written.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inputFiles } from '../../src/io/input-files.js';
import { fileKey } from '../../src/io/file-key.js';
import { Store } from '../../src/store/db.js';
import { rememberFileHash, stampKey, storedFileHashes, type FileStamp } from '../../src/store/file-hashes.js';
import type { IngestLogEntry } from '../../src/store/ingest-log.js';

const dir = mkdtempSync(join(tmpdir(), 'tumen-input-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const content = '!AIVDM,1,1,,A,13u?etPv2;0n:dDPwUM1U1Cb069D,0*24\n'.repeat(100);
const file = join(dir, 'capture.nmea');
writeFileSync(file, content);
const sha = createHash('sha256').update(content).digest('hex');

const entry = (): IngestLogEntry => ({
  id: 1, source: file, fileKey: fileKey(file), format: 'nmea', startedMs: 0, finishedMs: 1000, status: 'done', error: null,
  resumeOffset: 0, committedOffset: 0, carryTimeMs: null, lines: 100, bytes: content.length, messages: 100, positions: 100,
  statics: 0, duplicates: 0, notStored: 0, rejects: {}, skipped: {},
});

describe('input file hashes', () => {
  it('hashes a file in full the first time and says where to keep the hash', async () => {
    const kept: Array<[FileStamp, string]> = [];
    const [f] = await inputFiles([entry()], { known: new Map(), remember: async (s, h) => { kept.push([s, h]); } });
    expect(f.sha256).toBe(sha);
    expect(kept).toHaveLength(1);
    expect(kept[0][0]).toMatchObject({ path: file, bytes: content.length });
    expect(kept[0][1]).toBe(sha);
  });

  it('takes a known hash for the same path, size and mtime without reading the file', async () => {
    utimesSync(file, new Date('2024-03-01T00:00:00Z'), new Date('2024-03-01T00:00:00Z'));
    const stamp = { path: file, bytes: content.length, mtimeMs: Date.parse('2024-03-01T00:00:00Z') };
    const known = new Map([[stampKey(stamp), 'a'.repeat(64)]]);
    // A planted value: had the file been read, the real hash would show.
    expect((await inputFiles([entry()], { known }))[0].sha256).toBe('a'.repeat(64));
    // Touched (same bytes, new mtime): hashed again.
    utimesSync(file, new Date('2024-03-02T00:00:00Z'), new Date('2024-03-02T00:00:00Z'));
    expect((await inputFiles([entry()], { known }))[0].sha256).toBe(sha);
  });

  it('the store keeps hashes; a read-only store says it cannot', async () => {
    const path = join(dir, 'hashes.duckdb');
    const stamp = { path: file, bytes: 5, mtimeMs: 1234.5 };
    const rw = await Store.open(path);
    expect(await rememberFileHash(rw, stamp, sha, Date.UTC(2024, 0, 1))).toBe(true);
    expect(await rememberFileHash(rw, stamp, sha, Date.UTC(2024, 0, 2))).toBe(true); // same stamp again: no duplicate key error
    expect([...(await storedFileHashes(rw))]).toEqual([[stampKey(stamp), sha]]);
    rw.close();
    const ro = await Store.open(path, { readOnly: true });
    expect((await storedFileHashes(ro)).get(stampKey(stamp))).toBe(sha);
    expect(await rememberFileHash(ro, { ...stamp, bytes: 6 }, sha, 0)).toBe(false);
    ro.close();
  });
});
