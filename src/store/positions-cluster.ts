// A vessel's track as a few contiguous ranges, not 20 M scattered rows: the positions one CSV ingest stored
// are rewritten sorted by week, then MMSI, then time (an NMEA ingest sorts each batch before appending it:
// src/ingest/cluster-order.ts). Ingest appends in the order reports arrive (all ships
// interleaved), so reading one ship's track decoded every vector of the table; sorted, it reads one range
// per week (DuckDB skips the vectors where the MMSI filter matches nothing). The week comes first so the
// time zonemaps stay narrow: the ingest's duplicate check and the detectors' time slices still prune by time.
// Rows of one MMSI at one time keep their order (rowid breaks the tie): detection depends on it.
import type { Store } from './db.js';
import { POSITIONS_DDL } from './positions.js';

/** The time bucket the sort starts with (DuckDB date_trunc part). */
export const CLUSTER_TIME_BUCKET = 'week';

/** Rewrites the positions of ingest `ingestId` in cluster order, in one transaction; returns the rows moved. */
export async function clusterIngestPositions(store: Store, ingestId: number): Promise<number> {
  return store.transaction(async () => {
    const r = await store.one<{ last: bigint | null; n: bigint }>(
      'SELECT max(rowid) AS last, count(*) FILTER (WHERE ingest_id = $id) AS n FROM positions', { id: ingestId },
    );
    const n = Number(r?.n ?? 0);
    if (n < 2 || r?.last == null) return 0;
    // One week at a time, in week order: the same order as one sort, but each sort holds one week of rows
    // (a 20 M-row ingest sorted at once peaked at 4.5 GB resident).
    const weeks = await store.all<{ w: number }>(
      `SELECT DISTINCT epoch_ms(date_trunc('${CLUSTER_TIME_BUCKET}', time))::DOUBLE AS w FROM positions WHERE ingest_id = $id ORDER BY w`, { id: ingestId },
    );
    for (const { w } of weeks) {
      await store.run(
        `INSERT INTO positions SELECT * FROM positions
         WHERE ingest_id = $id AND date_trunc('${CLUSTER_TIME_BUCKET}', time) = epoch_ms($w::BIGINT) AND rowid <= $last
         ORDER BY mmsi, time, rowid`, { id: ingestId, w, last: r.last },
      );
    }
    // The copies inserted above are not yet committed: their rowids lie above every committed row's.
    await store.run('DELETE FROM positions WHERE ingest_id = $id AND rowid <= $last', { id: ingestId, last: r.last });
    return n;
  });
}

/** Where `sortStoredPositions` builds the sorted copy; a leftover (a run killed before the swap) is dropped. */
const SORTED_TABLE = 'positions_sorting';
const WEEK_MS = 7 * 86_400_000;

export interface SortResult { rows: number; weeks: number }

/**
 * Rewrites every stored position in cluster order (week, MMSI, time; ties in stored order) across batches
 * and ingests: one range per ship and week instead of one per batch (NMEA ingests and live feeds append each
 * batch sorted; stored rows never move while the server runs: live detection finds new rows by rowid), and
 * for stores written before batches were sorted. The sorted copy is built week by week in a
 * table of its own (the original is untouched until then, so a kill loses nothing), then swapped in one
 * transaction. Needs the store's write lock and room for a second copy of the positions in the file.
 */
export async function sortStoredPositions(store: Store, onWeek: (done: number, total: number) => void = () => {}): Promise<SortResult> {
  await store.run(`DROP TABLE IF EXISTS ${SORTED_TABLE}`);
  await store.run(POSITIONS_DDL[0].replace('CREATE TABLE IF NOT EXISTS positions (', `CREATE TABLE ${SORTED_TABLE} (`));
  const weeks = await store.all<{ w: number }>(
    `SELECT DISTINCT epoch_ms(date_trunc('${CLUSTER_TIME_BUCKET}', time))::DOUBLE AS w FROM positions ORDER BY w`,
  );
  let done = 0;
  for (const { w } of weeks) {
    // A time range, not date_trunc(time) = w: the time zonemaps skip the other weeks' row groups.
    await store.run(
      `INSERT INTO ${SORTED_TABLE} SELECT * FROM positions
       WHERE time >= epoch_ms($w::BIGINT) AND time < epoch_ms($end::BIGINT) ORDER BY mmsi, time, rowid`,
      { w, end: w + WEEK_MS },
    );
    onWeek(++done, weeks.length);
  }
  return store.transaction(async () => {
    const a = await store.one<{ n: bigint }>('SELECT count(*) AS n FROM positions');
    const b = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${SORTED_TABLE}`);
    if (a?.n !== b?.n) throw new Error(`sorted copy holds ${b?.n} positions, the store ${a?.n}: nothing changed`);
    await store.run('DROP TABLE positions');
    await store.run(`ALTER TABLE ${SORTED_TABLE} RENAME TO positions`);
    return { rows: Number(a?.n ?? 0), weeks: weeks.length };
  });
}
