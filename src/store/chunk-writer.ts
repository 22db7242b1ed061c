// Appends typed columns to a table through DuckDB's appender, writing each data chunk's vectors with the
// C API's block copies (@duckdb/node-bindings, the layer under @duckdb/node-api): numbers as typed-array
// blocks, strings through a per-batch dictionary whose short ASCII entries are ready-made inlined
// `duckdb_string_t`s (uint32 length + 12 bytes, zero-padded: duckdb.h), validity as whole masks. The node
// API's per-value setItem/flush (a wrapper and a native call per value) cost more than DuckDB's own append.
import duckdb from '@duckdb/node-bindings';
import { DuckDBDataChunk, type DuckDBAppender, type DuckDBType } from './duckdb-api.js';
import { storedMs } from './stored-time.js';
import type { TextCodes } from './text-codes.js';
import { gatherInto, type Numbers } from './typed-gather.js';

export type { Numbers };

export type { TextCodes } from './text-codes.js';

/** Lists of strings (VARCHAR[]) as codes into distinct lists (-1 = NULL). */
export interface ListCodes {
  codes: Int32Array;
  lists: readonly (readonly string[])[];
}

/** One column's source, indexed by source row. */
export type Column =
  | { kind: 'number'; data: Numbers; nulls: Uint8Array | null }
  /** Epoch ms, stored as whole ms (storedMs). */
  | { kind: 'timestamp-ms'; data: Float64Array }
  /** Epoch µs (whole). */
  | { kind: 'timestamp-us'; data: Float64Array }
  | { kind: 'key'; hi: Uint32Array; lo: Uint32Array }
  | { kind: 'int32'; value: number }
  | { kind: 'text'; text: TextCodes }
  | { kind: 'list'; list: ListCodes };

const VECTOR_ROWS = 2048; // DuckDB's standard vector size: a data chunk's capacity
const STRING_T = 16;
const INLINE_MAX = 12;

/** Inlined string_t entries of a value list; `long` marks values that need DuckDB's own string heap. */
interface StringTable {
  /** 16 bytes per value, as 4 int32 words. */
  entries: Int32Array;
  long: Uint8Array;
}

function stringTable(values: readonly string[]): StringTable {
  const bytes = new Uint8Array(values.length * STRING_T);
  const long = new Uint8Array(values.length);
  const view = new DataView(bytes.buffer);
  for (let v = 0; v < values.length; v++) {
    const s = values[v];
    let ascii = s.length <= INLINE_MAX;
    for (let i = 0; ascii && i < s.length; i++) if (s.charCodeAt(i) > 0x7f) ascii = false;
    if (!ascii) {
      long[v] = 1;
      continue;
    }
    view.setUint32(v * STRING_T, s.length, true);
    for (let i = 0; i < s.length; i++) bytes[v * STRING_T + 4 + i] = s.charCodeAt(i);
  }
  return { entries: new Int32Array(bytes.buffer), long };
}

export class ChunkWriter {
  private readonly chunk: DuckDBDataChunk;
  private readonly raw: DuckDBDataChunk['chunk'];
  private readonly strings = new Int32Array(VECTOR_ROWS * 4);
  private readonly words = new Int32Array(VECTOR_ROWS * 2);
  private readonly entries = new Uint32Array(VECTOR_ROWS * 4);
  private readonly mask = new Uint8Array(VECTOR_ROWS / 8);
  private childStrings = new Int32Array(VECTOR_ROWS * 4);

  constructor(private readonly types: readonly DuckDBType[]) {
    this.chunk = DuckDBDataChunk.create(types);
    this.raw = this.chunk.chunk;
  }

  /** Appends rows[0..) of the columns (one per table column, in order). */
  append(app: DuckDBAppender, columns: readonly Column[], rows: Int32Array): void {
    if (columns.length !== this.types.length) throw new Error(`${columns.length} columns for a chunk of ${this.types.length}`);
    const tables = columns.map((c) => (c.kind === 'text' ? stringTable(c.text.values) : null));
    const listTables = columns.map((c) => (c.kind === 'list' ? listTable(c.list) : null));
    for (let off = 0; off < rows.length; off += VECTOR_ROWS) {
      const n = Math.min(VECTOR_ROWS, rows.length - off);
      duckdb.data_chunk_reset(this.raw);
      duckdb.data_chunk_set_size(this.raw, n);
      for (let c = 0; c < columns.length; c++) {
        const vec = duckdb.data_chunk_get_vector(this.raw, c);
        const col = columns[c];
        switch (col.kind) {
          case 'number':
            copyRuns(vec, col.data, rows, off, n);
            if (col.nulls !== null) this.validity(vec, col.nulls, rows, off, n);
            break;
          case 'timestamp-ms':
            this.timestamps(vec, col.data, 1000, rows, off, n);
            break;
          case 'timestamp-us':
            this.timestamps(vec, col.data, 1, rows, off, n);
            break;
          case 'key':
            this.keys(vec, col.hi, col.lo, rows, off, n);
            break;
          case 'int32':
            this.words.fill(col.value, 0, n);
            duckdb.copy_data_to_vector(vec, 0, this.words.buffer, 0, n * 4);
            break;
          case 'text':
            this.text(vec, col.text, tables[c]!, rows, off, n);
            break;
          case 'list':
            this.list(vec, col.list, listTables[c]!, rows, off, n);
            break;
        }
      }
      app.appendDataChunk(this.chunk);
    }
  }

  /** `usPer` 1000: epoch ms (whole ms as stored); 1: whole epoch µs. */
  private timestamps(vec: duckdb.Vector, t: Float64Array, usPer: 1 | 1000, rows: Int32Array, off: number, n: number): void {
    const w = this.words;
    for (let j = 0; j < n; j++) {
      const us = usPer === 1 ? t[rows[off + j]] : storedMs(t[rows[off + j]]) * 1000;
      const hi = Math.floor(us / 4294967296);
      w[2 * j] = us - hi * 4294967296; // the low half, wrapped to int32
      w[2 * j + 1] = hi;
    }
    duckdb.copy_data_to_vector(vec, 0, w.buffer, 0, n * 8);
  }

  private keys(vec: duckdb.Vector, hi: Uint32Array, lo: Uint32Array, rows: Int32Array, off: number, n: number): void {
    const w = this.words;
    for (let j = 0; j < n; j++) {
      const r = rows[off + j];
      w[2 * j] = lo[r];
      w[2 * j + 1] = hi[r];
    }
    duckdb.copy_data_to_vector(vec, 0, w.buffer, 0, n * 8);
  }

  /** Writes the whole mask (nullable columns only): a reused vector keeps no stale NULL bits. */
  private validity(vec: duckdb.Vector, nulls: Uint8Array, rows: Int32Array, off: number, n: number): void {
    const m = this.mask;
    const bytes = Math.ceil(n / 64) * 8;
    m.fill(0xff, 0, bytes);
    for (let j = 0; j < n; j++) if (nulls[rows[off + j]] !== 0) m[j >>> 3] &= ~(1 << (j & 7));
    duckdb.vector_ensure_validity_writable(vec);
    duckdb.copy_data_to_vector_validity(vec, 0, m.buffer, 0, bytes);
  }

  private text(vec: duckdb.Vector, t: TextCodes, table: StringTable, rows: Int32Array, off: number, n: number): void {
    const out = this.strings;
    const m = this.mask;
    const bytes = Math.ceil(n / 64) * 8;
    m.fill(0xff, 0, bytes);
    let longs = 0;
    for (let j = 0; j < n; j++) {
      const code = t.codes[rows[off + j]];
      if (code < 0) {
        out[4 * j] = out[4 * j + 1] = out[4 * j + 2] = out[4 * j + 3] = 0;
        m[j >>> 3] &= ~(1 << (j & 7));
      } else {
        copyEntry(table.entries, code, out, j);
        longs += table.long[code];
      }
    }
    duckdb.copy_data_to_vector(vec, 0, out.buffer, 0, n * STRING_T);
    duckdb.vector_ensure_validity_writable(vec);
    duckdb.copy_data_to_vector_validity(vec, 0, m.buffer, 0, bytes);
    if (longs > 0) {
      for (let j = 0; j < n; j++) {
        const code = t.codes[rows[off + j]];
        if (code >= 0 && table.long[code] !== 0) duckdb.vector_assign_string_element(vec, j, t.values[code]);
      }
    }
  }

  private list(vec: duckdb.Vector, l: ListCodes, table: ListTable, rows: Int32Array, off: number, n: number): void {
    const e = this.entries;
    const m = this.mask;
    const bytes = Math.ceil(n / 64) * 8;
    m.fill(0xff, 0, bytes);
    let total = 0;
    for (let j = 0; j < n; j++) {
      const code = l.codes[rows[off + j]];
      const len = code < 0 ? 0 : l.lists[code].length;
      if (code < 0) m[j >>> 3] &= ~(1 << (j & 7));
      e[4 * j] = total;
      e[4 * j + 1] = 0;
      e[4 * j + 2] = len;
      e[4 * j + 3] = 0;
      total += len;
    }
    duckdb.list_vector_reserve(vec, total);
    duckdb.list_vector_set_size(vec, total);
    const child = duckdb.list_vector_get_child(vec);
    if (this.childStrings.length < total * 4) this.childStrings = new Int32Array(total * 8);
    const cs = this.childStrings;
    let k = 0;
    let longs = 0;
    for (let j = 0; j < n; j++) {
      const code = l.codes[rows[off + j]];
      if (code < 0) continue;
      const elems = table.elements[code];
      for (let x = 0; x < elems.length; x++) {
        const v = elems[x];
        copyEntry(table.strings.entries, v, cs, k);
        longs += table.strings.long[v];
        k++;
      }
    }
    if (total > 0) duckdb.copy_data_to_vector(child, 0, cs.buffer, 0, total * STRING_T);
    if (longs > 0) {
      k = 0;
      for (let j = 0; j < n; j++) {
        const code = l.codes[rows[off + j]];
        if (code < 0) continue;
        for (const v of table.elements[code]) {
          if (table.strings.long[v] !== 0) duckdb.vector_assign_string_element(child, k, table.values[v]);
          k++;
        }
      }
    }
    duckdb.copy_data_to_vector(vec, 0, e.buffer, 0, n * 16);
    duckdb.vector_ensure_validity_writable(vec);
    duckdb.copy_data_to_vector_validity(vec, 0, m.buffer, 0, bytes);
  }
}

function copyEntry(from: Int32Array, i: number, to: Int32Array, j: number): void {
  to[4 * j] = from[4 * i];
  to[4 * j + 1] = from[4 * i + 1];
  to[4 * j + 2] = from[4 * i + 2];
  to[4 * j + 3] = from[4 * i + 3];
}

/** Distinct elements of a batch's lists, each list as element indices. */
interface ListTable {
  values: string[];
  strings: StringTable;
  elements: Int32Array[];
}

function listTable(l: ListCodes): ListTable {
  const index = new Map<string, number>();
  const values: string[] = [];
  const elements = l.lists.map((list) => Int32Array.from(list, (s) => {
    let i = index.get(s);
    if (i === undefined) {
      index.set(s, (i = values.length));
      values.push(s);
    }
    return i;
  }));
  return { values, strings: stringTable(values), elements };
}

/** Copies data[rows[off..off+n)] into the vector: one block copy when the rows are consecutive, else gathered first. */
function copyRuns(vec: duckdb.Vector, data: Numbers, rows: Int32Array, off: number, n: number): void {
  const size = data.BYTES_PER_ELEMENT;
  const start = rows[off];
  let consecutive = true;
  for (let j = 1; j < n && consecutive; j++) consecutive = rows[off + j] === start + j;
  if (consecutive) {
    duckdb.copy_data_to_vector(vec, 0, data.buffer as ArrayBuffer, data.byteOffset + start * size, n * size);
    return;
  }
  const g = gather(data, rows, off, n);
  duckdb.copy_data_to_vector(vec, 0, g.buffer as ArrayBuffer, 0, n * size);
}

/** One vector's worth of scratch per element type, that rows are gathered into. */
const scratch = new Map<string, Numbers>();

/** data[rows[off..off+n)] into the scratch of data's type (typed-gather.ts: one loop per element type). */
function gather(data: Numbers, rows: Int32Array, off: number, n: number): Numbers {
  let to = scratch.get(data.constructor.name);
  if (to === undefined) {
    to = new (data.constructor as new (n: number) => Numbers)(VECTOR_ROWS);
    scratch.set(data.constructor.name, to);
  }
  gatherInto(to, data, rows, off, n);
  return to;
}
