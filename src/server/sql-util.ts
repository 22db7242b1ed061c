// Small helpers around the store for the read endpoints.
import type { Store } from '../store/db.js';

/** Tables seen to exist, per database: tables are created, never dropped, so a yes is cached. */
const known = new WeakMap<object, Set<string>>();

export async function tableExists(store: Store, name: string): Promise<boolean> {
  const seen = known.get(store.instance);
  if (seen?.has(name)) return true;
  const row = await store.one<{ n: bigint }>(
    "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = $name AND schema_name = 'main'",
    { name },
  );
  const exists = Number(row?.n ?? 0) > 0;
  if (exists) {
    if (seen) seen.add(name);
    else known.set(store.instance, new Set([name]));
  }
  return exists;
}

/** Converts DuckDB JS values (bigint, Date) into JSON-safe values. */
export function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = jsonSafe(v);
    return out;
  }
  return value;
}

export function rowsJson<T = Record<string, unknown>>(rows: unknown[]): T[] {
  return rows.map((r) => jsonSafe(r) as T);
}

/** Builds `WHERE a AND b …` from the clauses that apply; params stay bound by name. */
export function where(clauses: Array<string | false | undefined>): string {
  const live = clauses.filter((c): c is string => typeof c === 'string' && c.length > 0);
  return live.length ? `WHERE ${live.join(' AND ')}` : '';
}
