// A name blocker's arrays (screening/blocking.ts) as BLOBs in screen_blocker, one row per part. The ship-
// name blocker's parts are unprefixed (stores written before other blockers existed); others carry a
// prefix ("party.").
import { DuckDBBlobValue, listValue, type DuckDBBlobVector } from './duckdb-api.js';
import type { Store } from './db.js';
import type { BlockingArrays } from '../screening/blocking.js';

const PARTS = ['keys', 'offsets', 'postings', 'compacts', 'phonetics', 'entries'] as const;

export async function saveBlockerArrays(store: Store, prefix: string, arrays: BlockingArrays): Promise<void> {
  await store.run('DELETE FROM screen_blocker WHERE part IN (SELECT unnest($parts::VARCHAR[]))', { parts: listValue([...PARTS, 'words'].map((p) => prefix + p)) });
  const enc = new TextEncoder();
  for (const part of [...PARTS, 'words'] as const) {
    const v = arrays[part];
    if (v === undefined) continue;
    const bytes = typeof v === 'string' ? enc.encode(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    await store.run('INSERT INTO screen_blocker VALUES ($part, $data)', { part: prefix + part, data: new DuckDBBlobValue(bytes) });
  }
}

/** The saved arrays under `prefix`, or null when none were saved. The BLOBs are read as the bytes DuckDB hands
 *  over (getItemBytes), not as row objects: those copy each BLOB into a Buffer byte by byte, and the arrays
 *  of a million-entity list are tens of MB read at every start (~0.2 CPU-s with the copies). */
export async function loadBlockerArrays(store: Store, prefix: string): Promise<BlockingArrays | null> {
  const has = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'screen_blocker'");
  if (Number(has?.n ?? 0) === 0) return null;
  const result = await store.conn.run('SELECT part, data FROM screen_blocker WHERE part IN (SELECT unnest($parts::VARCHAR[]))', { parts: listValue([...PARTS, 'words'].map((p) => prefix + p)) });
  const bytes = new Map<string, Uint8Array>();
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const parts = chunk.getColumnVector(0);
    const data = chunk.getColumnVector(1) as DuckDBBlobVector;
    for (let i = 0; i < chunk.rowCount; i++) {
      const b = data.getItemBytes(i);
      // Up to 12 bytes DuckDB keeps a BLOB inside the chunk's own memory: copied out, not viewed.
      if (b !== null) bytes.set(String(parts.getItem(i)), b.byteLength <= 12 ? b.slice() : b);
    }
  }
  const get = (part: string): Uint8Array | undefined => bytes.get(prefix + part);
  if (!PARTS.every((p) => get(p) !== undefined)) return null;
  const dec = new TextDecoder();
  // A view when the bytes are aligned for 32-bit integers (DuckDB allocates a BLOB of more than 12 bytes
  // apart), else a copy.
  const ints = (part: string): Int32Array => {
    const b = get(part)!;
    return b.byteOffset % 4 === 0 ? new Int32Array(b.buffer, b.byteOffset, b.byteLength >> 2) : new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  };
  const words = get('words');
  return {
    keys: get('keys')!, offsets: ints('offsets'), postings: ints('postings'),
    compacts: dec.decode(get('compacts')), phonetics: dec.decode(get('phonetics')), entries: ints('entries'),
    ...(words ? { words: dec.decode(words) } : {}),
  };
}
