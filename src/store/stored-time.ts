// How the store keeps a time given in epoch milliseconds (TIMESTAMP columns hold whole milliseconds here).

/** A time as the store keeps it: whole milliseconds, rounded half to even as DuckDB casts DOUBLE to BIGINT. */
export function storedMs(t: number): number {
  const r = Math.round(t);
  return r - t === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
