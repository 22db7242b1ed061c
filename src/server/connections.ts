// A second connection to the store's database: its own transactions, so the API's reads never run inside
// the live feed's or an upload's write transaction (DuckDB MVCC: readers see committed data only).
import type { Store } from '../store/db.js';

export async function secondConnection(store: Store): Promise<Store> {
  const conn = await store.instance.connect();
  const view = Object.create(store) as Store;
  Object.defineProperty(view, 'conn', { value: conn });
  Object.defineProperty(view, 'close', { value: () => conn.closeSync() });
  return view;
}
