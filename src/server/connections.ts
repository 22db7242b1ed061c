// A second connection to the store's database: its own transactions, so the API's reads never run inside
// the live feed's or an upload's write transaction (DuckDB MVCC: readers see committed data only).
import type { Store } from '../store/db.js';

export function secondConnection(store: Store): Promise<Store> {
  return store.connect();
}

/**
 * Read connections used in turn, one per statement, so concurrent requests run their queries in
 * parallel (one DuckDB connection runs one statement at a time). Reads only: no transactions here.
 */
export async function readPool(store: Store, size: number): Promise<Store> {
  const conns = await Promise.all(Array.from({ length: Math.max(1, size) }, () => store.instance.connect()));
  let next = 0;
  const view = Object.create(store) as Store;
  Object.defineProperty(view, 'conn', { get: () => conns[next++ % conns.length] });
  Object.defineProperty(view, 'close', { value: () => { for (const c of conns) c.closeSync(); } });
  return view;
}
