// Newly stored static reports as identity_history reads them from `statics`: each field as DuckDB casts
// its column to VARCHAR (integers as digits, DOUBLEs as "10.0"/"5.2"), `length`/`beam` as the sums the
// store computes from the antenna distances (see store-writer.ts).
import type { IdentityReport } from '../store/identities.js';
import { doubleText } from '../store/identity-runs.js';
import { nullableAt, type StaticColumns } from './position-batch.js';
import { storedMs } from './stored-matches.js';
import type { TextCodes } from '../store/text-codes.js';

const int = (x: number | null): string | undefined => (x === null ? undefined : String(x));
const dbl = (x: number | null): string | null | undefined => (x === null ? undefined : doubleText(x));
const sum = (a: number | null, b: number | null): number | null => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));
const text = (t: TextCodes, i: number): string | undefined => (t.codes[i] < 0 ? undefined : t.values[t.codes[i]]);

/** Rows `rows` of the columns, in the order of IDENTITY_FIELDS. */
export function identityReports(c: StaticColumns, rows: Int32Array): IdentityReport[] {
  const out: IdentityReport[] = new Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    const toBow = nullableAt(c.toBow, i);
    const toStern = nullableAt(c.toStern, i);
    const toPort = nullableAt(c.toPort, i);
    const toStarboard = nullableAt(c.toStarboard, i);
    out[k] = {
      mmsi: c.mmsi[i],
      timeMs: storedMs(c.timeMs[i]),
      values: [
        text(c.shipname, i), text(c.callsign, i), int(nullableAt(c.imo, i)), int(nullableAt(c.shiptype, i)), int(toBow), int(toStern), int(toPort),
        int(toStarboard), dbl(nullableAt(c.draught, i)), text(c.destination, i), dbl(sum(toBow, toStern)), dbl(sum(toPort, toStarboard)),
      ],
    };
  }
  return out;
}
