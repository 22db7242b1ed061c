// Full-file SHA-256 of input files, remembered by path, size and modification time, so an evidence pack does
// not read every input file again (gigabytes of captures) each time one is made. A file whose size or mtime
// changed is hashed again. Written only when the store is open for writing; a read-only store is read.
import type { Store } from './db.js';
import { tableExists } from './vessel-dossier.js';

const DDL = [
  `CREATE TABLE IF NOT EXISTS file_hashes (
    path VARCHAR NOT NULL, bytes UBIGINT NOT NULL, mtime_ms DOUBLE NOT NULL, sha256 VARCHAR NOT NULL, hashed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (path, bytes, mtime_ms))`,
] as const;

export interface FileStamp {
  path: string;
  bytes: number;
  mtimeMs: number;
}

export const stampKey = (s: FileStamp): string => `${s.bytes}:${s.mtimeMs}:${s.path}`;

/** Remembered hashes by `stampKey`. */
export async function storedFileHashes(store: Store): Promise<Map<string, string>> {
  if (!(await tableExists(store, 'file_hashes'))) return new Map();
  const rows = await store.all<{ path: string; bytes: bigint; mtime_ms: number; sha256: string }>('SELECT path, bytes, mtime_ms, sha256 FROM file_hashes');
  return new Map(rows.map((r) => [stampKey({ path: r.path, bytes: Number(r.bytes), mtimeMs: r.mtime_ms }), r.sha256]));
}

/** Remembers `sha256` for this stamp; false when the store cannot be written (opened read-only). */
export async function rememberFileHash(store: Store, stamp: FileStamp, sha256: string, nowMs: number): Promise<boolean> {
  const mode = await store.one<{ m: string }>("SELECT current_setting('access_mode') AS m");
  if (String(mode?.m).toLowerCase() === 'read_only') return false;
  try {
    await store.ensureSchema(DDL);
    await store.run(`INSERT INTO file_hashes VALUES ($path, $bytes, $mtime, $sha, epoch_ms($now::BIGINT)) ON CONFLICT DO UPDATE SET sha256 = excluded.sha256, hashed_at = excluded.hashed_at`,
      { path: stamp.path, bytes: stamp.bytes, mtime: stamp.mtimeMs, sha: sha256, now: nowMs });
    return true;
  } catch (err) {
    if (/read-only|read only/i.test((err as Error).message)) return false;
    throw err;
  }
}
