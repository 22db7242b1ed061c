// Fast filling of DuckDB data-chunk vectors from typed columns, picking rows by index. The node API's
// per-value setItem checks each value and keeps validity in BigInt words (an allocation per null); here
// values are written into the vector's own typed array and null bits cleared with 32-bit operations on the
// same validity buffer. Relies on the vector's `items` typed array and `validity.data` (@duckdb/node-api
// 1.5); when they are not there, it falls back to setItem, so a library change costs speed, never correctness.
import { DuckDBListValue, DuckDBTimestampValue, type DuckDBVector } from '@duckdb/node-api';

type Typed = Float64Array | Float32Array | Uint32Array | Int32Array | Int16Array | Uint16Array | Uint8Array;

interface VectorInternals {
  items?: unknown;
  validity?: { data: BigUint64Array | null; offset: number; setItemValid(i: number, valid: boolean): void };
}

/** Row indices [off, off+n) of `rows` are the source rows of vector slots 0..n-1. */
export interface Pick {
  rows: Int32Array;
  off: number;
  n: number;
}

/** Copies src[rows[off+j]] into slot j; rows where isNull(value) are NULL. */
export function fillNumeric(vec: DuckDBVector, src: Typed, p: Pick, isNull: ((x: number) => boolean) | null): void {
  const v = vec as unknown as VectorInternals;
  const { rows, off, n } = p;
  const items = v.items;
  const validity = v.validity;
  if (!(items instanceof (src.constructor as new (n: number) => Typed)) || !validity || validity.offset !== 0) {
    for (let j = 0; j < n; j++) {
      const x = src[rows[off + j]];
      vec.setItem(j, isNull !== null && isNull(x) ? null : (x as never));
    }
    return;
  }
  const out = items as Typed;
  let words: Uint32Array | null = null;
  for (let j = 0; j < n; j++) {
    const x = src[rows[off + j]];
    out[j] = x;
    if (isNull !== null && isNull(x)) {
      if (words === null) words = validityWords(validity);
      words[j >>> 5] &= ~(1 << (j & 31));
    }
  }
}

/** Numbers or nulls (any numeric column but BIGINT/TIMESTAMP). */
export function fillNullable(vec: DuckDBVector, src: readonly (number | null)[], p: Pick): void {
  const { rows, off, n } = p;
  const v = vec as unknown as VectorInternals;
  const items = v.items;
  const validity = v.validity;
  if (!ArrayBuffer.isView(items) || items instanceof BigInt64Array || items instanceof BigUint64Array || items instanceof DataView
    || !validity || validity.offset !== 0) {
    for (let j = 0; j < n; j++) vec.setItem(j, src[rows[off + j]] as never);
    return;
  }
  const out = items as Typed;
  let words: Uint32Array | null = null;
  for (let j = 0; j < n; j++) {
    const x = src[rows[off + j]];
    if (x !== null) out[j] = x;
    else {
      out[j] = 0;
      if (words === null) words = validityWords(validity);
      words[j >>> 5] &= ~(1 << (j & 31));
    }
  }
}

/** The same value in every slot (no NULLs). */
export function fillConstant(vec: DuckDBVector, value: number, n: number): void {
  const items = (vec as unknown as VectorInternals).items;
  if (items instanceof Int32Array || items instanceof Uint32Array) items.fill(value, 0, n);
  else for (let j = 0; j < n; j++) vec.setItem(j, value as never);
}

/** A TIMESTAMP column (µs) from epoch milliseconds, whole ms as stored (see storedMs); no NULLs. */
export function fillTimestampMs(vec: DuckDBVector, srcMs: Float64Array | readonly number[], p: Pick, toStoredMs: (t: number) => number): void {
  const { rows, off, n } = p;
  const items = (vec as unknown as VectorInternals).items;
  if (items instanceof BigInt64Array && items.byteOffset % 4 === 0) {
    const w = new Int32Array(items.buffer, items.byteOffset, n * 2);
    for (let j = 0; j < n; j++) {
      const us = toStoredMs(srcMs[rows[off + j]]) * 1000;
      const hi = Math.floor(us / 4294967296);
      w[2 * j] = us - hi * 4294967296; // the low half (wraps to int32)
      w[2 * j + 1] = hi;
    }
    return;
  }
  for (let j = 0; j < n; j++) vec.setItem(j, new DuckDBTimestampValue(BigInt(toStoredMs(srcMs[rows[off + j]])) * 1000n) as never);
}

/** A UBIGINT column of (hi << 32 | lo); no NULLs. */
export function fillKeys(vec: DuckDBVector, hi: ArrayLike<number>, lo: ArrayLike<number>, p: Pick): void {
  const { rows, off, n } = p;
  const items = (vec as unknown as VectorInternals).items;
  if (items instanceof BigUint64Array && items.byteOffset % 4 === 0) {
    const w = new Uint32Array(items.buffer, items.byteOffset, n * 2);
    for (let j = 0; j < n; j++) {
      const r = rows[off + j];
      w[2 * j] = lo[r];
      w[2 * j + 1] = hi[r];
    }
    return;
  }
  for (let j = 0; j < n; j++) {
    const r = rows[off + j];
    vec.setItem(j, ((BigInt(hi[r] >>> 0) << 32n) | BigInt(lo[r] >>> 0)) as never);
  }
}

/** Sets strings (or lists, for a list column); null entries become NULL. */
export function fillValues(vec: DuckDBVector, src: readonly (string | DuckDBListValue | null)[], p: Pick): void {
  const { rows, off, n } = p;
  const validity = (vec as unknown as VectorInternals).validity;
  let words: Uint32Array | null = null;
  for (let j = 0; j < n; j++) {
    const s = src[rows[off + j]];
    if (s !== null) {
      vec.setItem(j, s as never);
    } else if (validity && validity.offset === 0) {
      if (words === null) words = validityWords(validity);
      words[j >>> 5] &= ~(1 << (j & 31));
    } else {
      vec.setItem(j, null);
    }
  }
}

/** The validity mask as 32-bit words (little-endian halves of DuckDB's 64-bit words), created all-valid. */
function validityWords(validity: NonNullable<VectorInternals['validity']>): Uint32Array {
  if (validity.data === null) {
    validity.setItemValid(0, false); // makes the library allocate an all-valid mask
    validity.setItemValid(0, true);
  }
  const d = validity.data as BigUint64Array;
  return new Uint32Array(d.buffer, d.byteOffset, d.length * 2);
}

export { DuckDBListValue };
