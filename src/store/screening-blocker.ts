// A name blocker's arrays (screening/blocking.ts) as BLOBs in screen_blocker, one row per part. The ship-
// name blocker's parts are unprefixed (stores written before other blockers existed); others carry a
// prefix ("party.").
import { DuckDBBlobValue, listValue } from './duckdb-api.js';
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

/** The saved arrays under `prefix`, or null when none were saved. */
export async function loadBlockerArrays(store: Store, prefix: string): Promise<BlockingArrays | null> {
  const has = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'screen_blocker'");
  if (Number(has?.n ?? 0) === 0) return null;
  const rows = await store.all<{ part: string; data: Uint8Array }>('SELECT part, data FROM screen_blocker WHERE part IN (SELECT unnest($parts::VARCHAR[]))', { parts: listValue([...PARTS, 'words'].map((p) => prefix + p)) });
  const get = (part: string): Uint8Array | undefined => rows.find((r) => r.part === prefix + part)?.data;
  if (!PARTS.every((p) => get(p) !== undefined)) return null;
  const dec = new TextDecoder();
  const ints = (part: string): Int32Array => { const b = get(part)!; return new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)); };
  const words = get('words');
  return {
    keys: get('keys')!, offsets: ints('offsets'), postings: ints('postings'),
    compacts: dec.decode(get('compacts')), phonetics: dec.decode(get('phonetics')), entries: ints('entries'),
    ...(words ? { words: dec.decode(words) } : {}),
  };
}
