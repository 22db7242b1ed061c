// The identity observations of newly stored static reports, as identity_history reads them from `statics`:
// each non-null field as DuckDB casts its column to VARCHAR (integers as digits, DOUBLEs as "10.0"/"5.2"),
// `length`/`beam` as the sums the store computes from the antenna distances.
import { IDENTITY_FIELDS, type IdentityField, type IdentityObservations } from '../store/identities.js';
import { doubleText } from '../store/identity-runs.js';
import type { StaticRow } from './position-batch.js';
import { storedMs } from './stored-matches.js';

const intText = (x: number | null): string | null => (x === null ? null : String(x));
const dblText = (x: number | null): string | null | undefined => (x === null ? undefined : doubleText(x));
const sum = (a: number | null, b: number | null): number | null => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));

/** Per field: the text, undefined when the field is NULL, null when only DuckDB can say. */
const TEXT: Record<IdentityField, (r: StaticRow) => string | null | undefined> = {
  shipname: (r) => r.shipname ?? undefined,
  callsign: (r) => r.callsign ?? undefined,
  imo: (r) => intText(r.imo) ?? undefined,
  shiptype: (r) => intText(r.shiptype) ?? undefined,
  to_bow: (r) => intText(r.toBow) ?? undefined,
  to_stern: (r) => intText(r.toStern) ?? undefined,
  to_port: (r) => intText(r.toPort) ?? undefined,
  to_starboard: (r) => intText(r.toStarboard) ?? undefined,
  draught: (r) => dblText(r.draught),
  destination: (r) => r.destination ?? undefined,
  length: (r) => dblText(sum(r.toBow, r.toStern)),
  beam: (r) => dblText(sum(r.toPort, r.toStarboard)),
};

export function identityObservations(rows: readonly StaticRow[]): IdentityObservations {
  const out: IdentityObservations = { mmsi: [], timeMs: [], field: [], value: [] };
  for (const r of rows) {
    const t = storedMs(r.timeMs);
    for (const f of IDENTITY_FIELDS) {
      const v = TEXT[f](r);
      if (v === undefined) continue;
      out.mmsi.push(r.mmsi);
      out.timeMs.push(t);
      out.field.push(f);
      out.value.push(v);
    }
  }
  return out;
}
