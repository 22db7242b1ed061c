// The detection pipeline's input read from the store: positions by vessel (streamPositions), positions in
// time order for the multi-vessel detectors, and statics in time order (streamStatics).
import type { DuckDBDataChunk } from '@duckdb/node-api';
import type { Store } from './db.js';
import type { PipelineInput } from '../detectors/pipeline.js';
import type { Position, ReceptionSource } from '../tracks/position.js';
import { positionFilter, streamPositions, streamStatics, type PositionQuery } from './positions.js';

export function storeInput(store: Store, q: PositionQuery = {}, batchSize = 8192): PipelineInput {
  return {
    positionsByVessel: () => streamPositions(store, q, batchSize),
    positionsByTime: () => streamPositionsByTime(store, q, batchSize),
    statics: () => streamStatics(store, q, batchSize),
  };
}

/** Positions ordered by time, then mmsi. */
export async function* streamPositionsByTime(store: Store, q: PositionQuery = {}, batchSize = 8192): AsyncIterable<Position[]> {
  const { where, params } = positionFilter(q);
  const result = await store.conn.stream(
    `SELECT mmsi, epoch_ms(time)::DOUBLE AS t, lat, lon, speed, course, heading, status, source
     FROM positions ${where} ORDER BY time, mmsi`,
    params,
  );
  let out: Position[] = [];
  for (;;) {
    const chunk: DuckDBDataChunk | null = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const cols = chunk.getColumns();
    for (let i = 0; i < chunk.rowCount; i++) {
      out.push({
        mmsi: Number(cols[0][i]),
        timeMs: Number(cols[1][i]),
        lat: Number(cols[2][i]),
        lon: Number(cols[3][i]),
        speedKn: tenth(cols[4][i]),
        courseDeg: tenth(cols[5][i]),
        headingDeg: cols[6][i] === null || cols[6][i] === undefined ? null : Number(cols[6][i]),
        status: cols[7][i] === null || cols[7][i] === undefined ? null : Number(cols[7][i]),
        source: (cols[8][i] as ReceptionSource | null) ?? null,
      });
    }
    if (out.length >= batchSize) {
      yield out;
      out = [];
    }
  }
  if (out.length) yield out;
}

/** FLOAT columns come back as float32 values: round to the AIS resolution of 0.1. */
function tenth(v: unknown): number | null {
  return v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10;
}
