// The input files behind a store, for an evidence pack: each file the ingest log names, hashed in full
// (SHA-256) when it is still where it was ingested from and still the same file (its ingest key — the
// SHA-256 of its first MiB plus its size — matches); otherwise the pack says why there is no hash. And
// whether the data are simulated: `tumen simulate` writes world.json (generator "tumen simulate") beside
// its ais.nmea. A full hash is reused while the file keeps its path, size and modification time.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileKey } from './file-key.js';
import type { IngestLogEntry } from '../store/ingest-log.js';
import { stampKey, type FileStamp } from '../store/file-hashes.js';

/** Hashes already known (by `stampKey`: path, size, mtime), and where to keep new ones. */
export interface HashCache {
  known: Map<string, string>;
  remember?: (stamp: FileStamp, sha256: string) => Promise<unknown>;
}

/** Hashes made by this process, for a store that cannot keep them (opened read-only). */
const processHashes = new Map<string, string>();

export interface InputFile {
  path: string;
  format: string | null;
  /** Full-file SHA-256 (hex), or null with `note` saying why. */
  sha256: string | null;
  bytes: number;
  lines: number;
  positions: number;
  statics: number;
  status: string;
  ingested: string | null;
  note: string | null;
  /** The simulator's world.json stands beside the file. */
  simulated: boolean;
}

async function sha256Of(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

function simulatedBeside(path: string): boolean {
  try {
    const world = JSON.parse(readFileSync(join(dirname(path), 'world.json'), 'utf8')) as { generator?: string };
    return world.generator === 'tumen simulate';
  } catch {
    return false;
  }
}

/** One row per ingested file (live feeds are listed with their address and no hash). */
export async function inputFiles(log: readonly IngestLogEntry[], cache: HashCache = { known: new Map() }): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const e of log) {
    const base = {
      path: e.source, format: e.format, bytes: e.bytes, lines: e.lines, positions: e.positions, statics: e.statics, status: e.status,
      ingested: e.finishedMs !== null ? new Date(e.finishedMs).toISOString() : null, sha256: null, note: null, simulated: false,
    };
    if (!e.fileKey) { out.push({ ...base, note: 'live feed: no file to hash' }); continue; }
    if (!existsSync(e.source)) { out.push({ ...base, note: `not found at this path now; ingest key ${e.fileKey}` }); continue; }
    if (fileKey(e.source) !== e.fileKey) { out.push({ ...base, note: `changed since it was ingested (ingest key ${e.fileKey})`, simulated: simulatedBeside(e.source) }); continue; }
    const st = statSync(e.source);
    const stamp: FileStamp = { path: e.source, bytes: st.size, mtimeMs: st.mtimeMs };
    const key = stampKey(stamp);
    let sha256 = cache.known.get(key) ?? processHashes.get(key);
    if (sha256 === undefined) {
      sha256 = await sha256Of(e.source);
      processHashes.set(key, sha256);
      await cache.remember?.(stamp, sha256);
    }
    out.push({ ...base, sha256, simulated: simulatedBeside(e.source) });
  }
  return out;
}
