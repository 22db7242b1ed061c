// Runs of one identity field's values (gaps and islands) computed in memory: observations ordered by time,
// ties by value in code point order (= UTF-8 byte order, DuckDB's VARCHAR order), consecutive equal values
// form one run. The same result as the SQL of identities.ts (runsSql), without a window query per batch.

/** One run; times in epoch microseconds (TIMESTAMP precision). */
export interface Run {
  value: string;
  firstUs: number;
  lastUs: number;
  messages: number;
}

export interface Observation {
  tUs: number;
  value: string;
}

/** Code point order = the byte order of UTF-8, as DuckDB sorts VARCHAR. */
export function codePointCompare(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

export function compareObservations(a: Observation, b: Observation): number {
  return a.tUs - b.tUs || codePointCompare(a.value, b.value);
}

/**
 * Folds observations (sorted by compareObservations, all later than `last.lastUs`) onto the last stored run:
 * the first element is `last` extended (or unchanged), then the new runs. Without `last`, just the runs.
 */
export function foldRuns(last: Run | null, sorted: readonly Observation[]): Run[] {
  const out: Run[] = [];
  let cur: Run | null = last === null ? null : { ...last };
  for (const o of sorted) {
    if (cur !== null && cur.value === o.value) {
      if (o.tUs > cur.lastUs) cur.lastUs = o.tUs;
      cur.messages++;
    } else {
      if (cur !== null) out.push(cur);
      cur = { value: o.value, firstUs: o.tUs, lastUs: o.tUs, messages: 1 };
    }
  }
  if (cur !== null) out.push(cur);
  return out;
}

/**
 * A DOUBLE as DuckDB casts it to VARCHAR ("10.0", "5.2"), or null where the two formats may differ
 * (exponent notation, -0): the caller then lets DuckDB do the cast.
 */
export function doubleText(x: number): string | null {
  if (!Number.isFinite(x) || Object.is(x, -0)) return null;
  const a = Math.abs(x);
  if (Number.isInteger(x)) return a < 1e15 ? `${x}.0` : null;
  if (a < 1e-4 || a >= 1e15) return null;
  const s = String(x);
  return s.includes('e') ? null : s;
}
