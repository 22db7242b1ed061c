// Fast filling of DuckDB data-chunk vectors from typed columns. The node API's per-value setItem checks
// each value and keeps validity in BigInt words (an allocation per null); here values are copied as one
// typed-array block and null bits cleared with 32-bit operations on the same validity buffer. Relies on
// the vector's `items` typed array and `validity.data` (@duckdb/node-api 1.5); when they are not there,
// it falls back to setItem, so a library change costs speed, never correctness.
import type { DuckDBVector } from '@duckdb/node-api';

type Typed = Float64Array | Float32Array | Uint32Array | Int16Array | Uint8Array;

interface VectorInternals {
  items?: unknown;
  validity?: { data: BigUint64Array | null; offset: number; setItemValid(i: number, valid: boolean): void };
}

/** Copies src[off, off+n) into the vector; rows where isNull(value) are NULL. */
export function fillNumeric<T extends Typed>(vec: DuckDBVector, src: T, off: number, n: number, isNull: ((x: number) => boolean) | null): void {
  const v = vec as unknown as VectorInternals;
  const items = v.items;
  const validity = v.validity;
  if (!(items instanceof (src.constructor as new (n: number) => T)) || !validity || validity.offset !== 0) {
    for (let j = 0; j < n; j++) {
      const x = src[off + j];
      vec.setItem(j, isNull !== null && isNull(x) ? null : (x as never));
    }
    return;
  }
  (items as T).set(src.subarray(off, off + n) as never);
  if (isNull === null) return;
  let words: Uint32Array | null = null;
  for (let j = 0; j < n; j++) {
    if (!isNull(src[off + j])) continue;
    if (words === null) words = validityWords(validity);
    words[j >>> 5] &= ~(1 << (j & 31));
  }
}

/** Sets strings; null entries become NULL without touching the string data. */
export function fillStrings(vec: DuckDBVector, src: readonly (string | null)[], off: number, n: number): void {
  const validity = (vec as unknown as VectorInternals).validity;
  let words: Uint32Array | null = null;
  for (let j = 0; j < n; j++) {
    const s = src[off + j];
    if (s !== null) {
      vec.setItem(j, s);
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
