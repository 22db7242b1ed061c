// The learned ports and anchorages: the stops they are learned from (one row per stationary period) and
// a watermark, so `tumen anchorages build` reads only positions that arrived since the last build.
// Anchorages themselves are recomputed from all stops on every build (stops are few: thousands where
// positions are millions), so the thresholds always match the store's whole span.
import type { Store } from './db.js';
import { streamFixColumns } from './positions.js';
import { portAreasFrom, scanStopColumns } from '../anchorages/collect.js';
import type { Stop } from '../anchorages/stationary.js';
import type { LearnResult } from '../anchorages/learn.js';
import type { PortAreas } from '../anchorages/areas.js';

export const ANCHORAGES_DDL = [
  `CREATE TABLE IF NOT EXISTS anchorage_stops (
    mmsi UINTEGER NOT NULL,
    start_ms BIGINT NOT NULL,
    end_ms BIGINT NOT NULL,
    lat DOUBLE NOT NULL,
    lon DOUBLE NOT NULL,
    positions INTEGER NOT NULL,
    PRIMARY KEY (mmsi, start_ms)
  )`,
  `CREATE TABLE IF NOT EXISTS anchorage_builds (
    built_at TIMESTAMP NOT NULL,
    from_ms BIGINT,
    to_ms BIGINT,
    positions_read BIGINT NOT NULL,
    stops_added INTEGER NOT NULL
  )`,
] as const;

/** A stop still open this close to the last build's newest position may go on: it is re-read. */
const REOPEN_MS = 3_600_000;

export interface BuildReport {
  fromMs: number | null;
  positionsRead: number;
  stopsAdded: number;
  stopsTotal: number;
  learned: LearnResult;
}

/** Adds the stops of positions newer than the last build (all when `full` or never built) and relearns. */
export async function buildAnchorages(store: Store, opts: { full?: boolean } = {}): Promise<BuildReport> {
  await store.ensureSchema(ANCHORAGES_DDL);
  if (opts.full) {
    await store.run('DELETE FROM anchorage_stops');
    await store.run('DELETE FROM anchorage_builds');
  }
  const last = await store.one<{ to_ms: bigint | null }>('SELECT max(to_ms) AS to_ms FROM anchorage_builds');
  // Incremental: stops that ended within REOPEN_MS of the last build's newest position may have gone on;
  // they are dropped and re-read from their start, and stops found again that ended before are kept as stored.
  let fromMs: number | null = null;
  let cutMs = -Infinity;
  if (last?.to_ms != null) {
    cutMs = Number(last.to_ms) - REOPEN_MS;
    const open = await store.one<{ s: bigint | null }>('SELECT min(start_ms) AS s FROM anchorage_stops WHERE end_ms >= $w', { w: cutMs });
    fromMs = Math.min(cutMs, open?.s != null ? Number(open.s) : Infinity);
    await store.run('DELETE FROM anchorage_stops WHERE end_ms >= $w', { w: cutMs });
  }
  const scan = await scanStopColumns(streamFixColumns(store, fromMs === null ? {} : { fromMs }));
  const fresh = scan.stops.filter((s) => s.endMs >= cutMs);
  await store.transaction(async () => {
    for (let i = 0; i < fresh.length; i += 500) {
      const chunk = fresh.slice(i, i + 500);
      const values = chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ');
      await store.run(
        `INSERT INTO anchorage_stops VALUES ${values} ON CONFLICT (mmsi, start_ms) DO UPDATE SET end_ms = excluded.end_ms, lat = excluded.lat, lon = excluded.lon, positions = excluded.positions`,
        chunk.flatMap((s) => [s.mmsi, s.startMs, s.endMs, s.lat, s.lon, s.positions]),
      );
    }
    const toMs = scan.lastMs ?? (last?.to_ms != null ? Number(last.to_ms) : null);
    await store.run('INSERT INTO anchorage_builds VALUES (now(), ?, ?, ?, ?)', [fromMs, toMs, scan.positions, fresh.length]);
  });
  const { learned } = await storedPortAreas(store);
  const total = await store.one<{ n: bigint }>('SELECT count(*) AS n FROM anchorage_stops');
  return { fromMs, positionsRead: scan.positions, stopsAdded: fresh.length, stopsTotal: Number(total?.n ?? 0), learned };
}

/** Every stored stop, and the span of the store's positions they cover. */
export async function storedStops(store: Store): Promise<{ stops: Stop[]; firstMs: number | null; lastMs: number | null }> {
  await store.ensureSchema(ANCHORAGES_DDL);
  const rows = await store.all<{ mmsi: number; start_ms: bigint; end_ms: bigint; lat: number; lon: number; positions: number }>(
    'SELECT mmsi, start_ms, end_ms, lat, lon, positions FROM anchorage_stops ORDER BY mmsi, start_ms',
  );
  const span = await store.one<{ a: bigint | null; b: bigint | null }>('SELECT min(from_ms) AS a, max(to_ms) AS b FROM anchorage_builds');
  const firstRow = await store.one<{ a: bigint | null }>("SELECT epoch_ms(min(time)) AS a FROM positions");
  return {
    stops: rows.map((r) => ({ mmsi: r.mmsi, startMs: Number(r.start_ms), endMs: Number(r.end_ms), lat: r.lat, lon: r.lon, positions: r.positions })),
    firstMs: firstRow?.a != null ? Number(firstRow.a) : span?.a != null ? Number(span.a) : null,
    lastMs: span?.b != null ? Number(span.b) : null,
  };
}

/** The anchorages learned from the stored stops, and their port areas. */
export async function storedPortAreas(store: Store): Promise<{ learned: LearnResult; areas: PortAreas }> {
  const s = await storedStops(store);
  return portAreasFrom({ stops: s.stops, firstMs: s.firstMs, lastMs: s.lastMs, positions: 0 });
}
