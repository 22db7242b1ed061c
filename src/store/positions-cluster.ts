// A vessel's track as a few contiguous ranges, not 20 M scattered rows: the positions one ingest stored are
// rewritten sorted by week, then MMSI, then time. Ingest appends in the order reports arrive (all ships
// interleaved), so reading one ship's track decoded every vector of the table; sorted, it reads one range
// per week (DuckDB skips the vectors where the MMSI filter matches nothing). The week comes first so the
// time zonemaps stay narrow: the ingest's duplicate check and the detectors' time slices still prune by time.
// Rows of one MMSI at one time keep their order (rowid breaks the tie): detection depends on it.
import type { Store } from './db.js';

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
