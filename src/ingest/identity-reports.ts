// Newly stored static reports as identity_history reads them from `statics`: each field as DuckDB casts
// its column to VARCHAR (integers as digits, DOUBLEs as "10.0"/"5.2"), `length`/`beam` as the sums the
// store computes from the antenna distances (see store-writer.ts).
import type { IdentityReport } from '../store/identities.js';
import { doubleText } from '../store/identity-runs.js';
import type { StaticRow } from './position-batch.js';
import { storedMs } from './stored-matches.js';

const int = (x: number | null): string | undefined => (x === null ? undefined : String(x));
const dbl = (x: number | null): string | null | undefined => (x === null ? undefined : doubleText(x));
const sum = (a: number | null, b: number | null): number | null => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));

/** In the order of IDENTITY_FIELDS. */
export function identityReports(rows: readonly StaticRow[]): IdentityReport[] {
  return rows.map((r) => ({
    mmsi: r.mmsi,
    timeMs: storedMs(r.timeMs),
    values: [
      r.shipname ?? undefined, r.callsign ?? undefined, int(r.imo), int(r.shiptype), int(r.toBow), int(r.toStern), int(r.toPort),
      int(r.toStarboard), dbl(r.draught), r.destination ?? undefined, dbl(sum(r.toBow, r.toStern)), dbl(sum(r.toPort, r.toStarboard)),
    ],
  }));
}
