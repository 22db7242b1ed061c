// The embedded store: one DuckDB file. Every store module (positions, identities, events, lists)
// creates its own tables through `ensureSchema`, so modules can be added without a central migration;
// changes to what older releases wrote are numbered migrations (schema-version.ts), run on open.
import { AsyncLocalStorage } from 'node:async_hooks';
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from './duckdb-api.js';
import { openSchema, type SchemaOpen } from './schema-version.js';
import { DEFAULT_DB_PATH } from './db-path.js';

export { DEFAULT_DB_PATH };

export type SqlParams = DuckDBValue[] | Record<string, DuckDBValue>;

export class Store {
  private constructor(
    readonly path: string,
    readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
    /** False for a connection opened by `connect()`: closing it leaves the database open. */
    private readonly ownsInstance = true,
  ) {}

  /** `memoryLimit` is DuckDB's `memory_limit` (e.g. '512MB'); unset, DuckDB takes 80 % of RAM. */
  static async open(path: string = DEFAULT_DB_PATH, options: { readOnly?: boolean; memoryLimit?: string } = {}): Promise<Store> {
    const config: Record<string, string> = {};
    if (options.readOnly) config.access_mode = 'READ_ONLY';
    if (options.memoryLimit !== undefined) config.memory_limit = options.memoryLimit;
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, config);
    } catch (err) {
      throw openError(path, err as Error, options.readOnly === true);
    }
    const store = new Store(path, instance, await instance.connect());
    try {
      store.schema = await openSchema(store, options.readOnly === true);
    } catch (err) {
      store.close();
      throw err;
    }
    return store;
  }

  /** The schema version found on open and the migrations that ran (empty for a current store). */
  schema: SchemaOpen | null = null;

  /** Runs a statement; values are always bound as parameters, never spliced into SQL. */
  async run(sql: string, params?: SqlParams): Promise<void> {
    await this.conn.run(sql, params);
  }

  /** Rows as plain JS objects (BIGINT as bigint, TIMESTAMP as Date). */
  async all<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T[]> {
    const reader = await this.conn.runAndReadAll(sql, params);
    return reader.getRowObjectsJS() as T[];
  }

  async one<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** Set while a transaction of this connection runs `fn`: a transaction begun inside it is part of it. */
  private readonly inTransaction = new AsyncLocalStorage<true>();
  /** The last transaction queued on this connection. */
  private transactions: Promise<unknown> = Promise.resolve();

  /** Runs `fn` inside one transaction: all of it is committed or none of it. One connection holds one
   *  transaction at a time: two begun at once (two write requests to `tumen serve`, or two first reads
   *  seeding the curated sites) would fail both ("cannot start a transaction within a transaction"),
   *  so each waits for the one before it. One begun inside another's `fn` joins it. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inTransaction.getStore()) return fn();
    const turn = this.transactions.then(() => this.inTransaction.run(true, () => this.runTransaction(fn)));
    this.transactions = turn.catch(() => undefined);
    return turn;
  }

  private async runTransaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.conn.run('BEGIN TRANSACTION');
    try {
      const out = await fn();
      await this.conn.run('COMMIT');
      return out;
    } catch (err) {
      await this.conn.run('ROLLBACK');
      throw err;
    }
  }

  /** Creates tables/indexes with idempotent DDL (`CREATE ... IF NOT EXISTS`). */
  async ensureSchema(ddl: readonly string[]): Promise<void> {
    for (const stmt of ddl) {
      try {
        await this.conn.run(stmt);
      } catch (err) {
        // A read-only store (`tumen serve` without a token) refuses even `CREATE … IF NOT EXISTS`: that is
        // no error when the table or index is there already. A missing one still throws (callers that can
        // do without it catch the read-only error).
        if (!/read-only mode/.test((err as Error).message) || !(await this.declaredObjectExists(stmt))) throw err;
      }
    }
  }

  private async declaredObjectExists(stmt: string): Promise<boolean> {
    const m = /^\s*CREATE\s+(?:UNIQUE\s+)?(TABLE|INDEX)\s+IF\s+NOT\s+EXISTS\s+(\w+)/i.exec(stmt);
    if (!m) return false;
    const sql = m[1]!.toUpperCase() === 'TABLE'
      ? "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = ? AND schema_name = 'main'"
      : "SELECT count(*) AS n FROM duckdb_indexes() WHERE index_name = ? AND schema_name = 'main'";
    const row = await this.one<{ n: bigint }>(sql, [m[2]!]);
    return Number(row?.n ?? 0) > 0;
  }

  /** Another connection to the same database, with its own transactions (DuckDB MVCC). */
  async connect(): Promise<Store> {
    return new Store(this.path, this.instance, await this.instance.connect(), false);
  }

  close(): void {
    this.conn.closeSync();
    if (this.ownsInstance) this.instance.closeSync();
  }
}

/** DuckDB allows one read-write process or many read-only ones: say which process holds the file and what to do. */
export class StoreLockedError extends Error {
  constructor(readonly path: string, readonly pid: number | null, readOnly: boolean) {
    super(readOnly
      ? `store ${path} is open for writing by another process${pid ? ` (PID ${pid})` : ''}, e.g. \`tumen ingest\` or a \`tumen serve\` with a token or --listen: wait for it, or ask that server's API`
      : `cannot write to store ${path}: another process${pid ? ` (PID ${pid})` : ''} has it open, e.g. \`tumen serve\`: stop it first, or write through its API (POST /api/ingest, /api/lists with a token)`);
    this.name = 'StoreLockedError';
  }
}

function openError(path: string, err: Error, readOnly: boolean): Error {
  if (/Could not set lock on file/.test(err.message)) {
    const pid = /\(PID (\d+)\)/.exec(err.message);
    return new StoreLockedError(path, pid ? Number(pid[1]) : null, readOnly);
  }
  return new Error(`cannot open store ${path}: ${err.message}`);
}

/** Opens the store, runs `fn`, and always closes it. */
export async function withStore<T>(path: string, fn: (store: Store) => Promise<T>, options: { readOnly?: boolean; memoryLimit?: string } = {}): Promise<T> {
  const store = await Store.open(path, options);
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}
