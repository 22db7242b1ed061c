// DuckDB's API for every module of Tumen, loaded with require(). @duckdb/node-api is CommonJS: imported from
// an ES module, Node first scans the source of its ~120 files for their export names (cjs-module-lexer,
// following every re-export), which cost ~0.2 CPU-s at every start of the CLI (~360-460 against ~170-190
// CPU-ms to load it, bench/RESULTS.md); required, it is loaded as CommonJS without that scan. Type-only
// imports may still name '@duckdb/node-api' (they vanish from the built code).
import { createRequire } from 'node:module';
import type * as Api from '@duckdb/node-api';

const api = createRequire(import.meta.url)('@duckdb/node-api') as typeof Api;

export const {
  DuckDBConnection, DuckDBInstance, DuckDBBlobValue, DuckDBDataChunk, listValue,
  DOUBLE, FLOAT, INTEGER, LIST, SMALLINT, TIMESTAMP, UBIGINT, UINTEGER, USMALLINT, UTINYINT, VARCHAR,
} = api;
export type DuckDBConnection = Api.DuckDBConnection;
export type DuckDBInstance = Api.DuckDBInstance;
export type DuckDBDataChunk = Api.DuckDBDataChunk;
export type DuckDBValue = Api.DuckDBValue;
export type DuckDBType = Api.DuckDBType;
export type DuckDBAppender = Api.DuckDBAppender;
export type DuckDBBlobVector = Api.DuckDBBlobVector;
