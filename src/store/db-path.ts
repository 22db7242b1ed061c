// Where the store is when --db is not given; apart from db.ts so that reading it loads no DuckDB.
export const DEFAULT_DB_PATH = './tumen.duckdb';
