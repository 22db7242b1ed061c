// How read commands open the store: the file must exist (a typo in --db is an error, not an empty store),
// it is opened read-only (many readers may share it), and when a writing `tumen serve` holds it, the
// command can ask that server instead (it announces itself in `<db>.serve.json`).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Store, StoreLockedError } from '../store/db.js';

export interface ServeAnnouncement {
  url: string;
  pid: number;
  readOnly: boolean;
}

const announcementPath = (dbPath: string): string => `${dbPath}.serve.json`;

/** Written by `tumen serve`/`demo` once listening; removed when they stop. */
export function announceServer(dbPath: string, a: ServeAnnouncement): () => void {
  const file = announcementPath(dbPath);
  writeFileSync(file, `${JSON.stringify(a)}\n`);
  return () => rmSync(file, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The server holding this store, if one announced itself and is still running. */
export function runningServer(dbPath: string): ServeAnnouncement | null {
  try {
    const a = JSON.parse(readFileSync(announcementPath(dbPath), 'utf8')) as ServeAnnouncement;
    return typeof a.url === 'string' && Number.isInteger(a.pid) && alive(a.pid) ? a : null;
  } catch {
    return null;
  }
}

export function requireStoreFile(dbPath: string): void {
  if (!existsSync(dbPath)) {
    throw new Error(`no store at ${dbPath}: give --db PATH of a store made by \`tumen ingest\` (or \`tumen demo\`, which writes ./tumen-demo/demo.duckdb)`);
  }
}

/**
 * Runs `fn` on the store opened read-only. When a writing server holds the file and `viaServer` is given,
 * runs that instead against the server's URL; otherwise the lock error says who holds the file.
 */
export async function withReadStore<T>(dbPath: string, fn: (store: Store) => Promise<T>, viaServer?: (url: string) => Promise<T>): Promise<T> {
  requireStoreFile(dbPath);
  let store: Store;
  try {
    store = await Store.open(dbPath, { readOnly: true });
  } catch (err) {
    const server = err instanceof StoreLockedError ? runningServer(dbPath) : null;
    if (!server) throw err;
    if (!viaServer) throw new Error(`${(err as Error).message}; \`tumen serve\` (PID ${server.pid}) holds it: read it at ${server.url}/api`);
    process.stderr.write(`tumen: ${dbPath} is held by \`tumen serve\` (PID ${server.pid}); reading through ${server.url}\n`);
    return viaServer(server.url);
  }
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

/** GET a JSON document from a Tumen server; its error message when it answers with one. */
export async function serverJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
  if (!res.ok) throw new Error(`${url}: ${body.error?.message ?? `${res.status} ${res.statusText}`}`);
  return body as T;
}
