// The detection runner's batch input read from the store: positions and statics, each in time order.
import type { Store } from './db.js';
import type { PipelineInput } from '../detectors/pipeline.js';
import type { StaticReport } from '../detectors/detector.js';
import { streamPositionsByTime, streamStatics, type PositionQuery } from './positions.js';

export function storeInput(store: Store, q: PositionQuery = {}, batchSize = 8192): PipelineInput {
  return {
    positionsByTime: () => streamPositionsByTime(store, q, batchSize),
    statics: () => staticsOnOwnConnection(store, q, batchSize),
  };
}

/** The statics on a connection of their own, so they stream alongside the positions (two result streams
 *  open at once on one DuckDB connection cut the first one short). */
async function* staticsOnOwnConnection(store: Store, q: PositionQuery, batchSize: number): AsyncIterable<StaticReport[]> {
  const own = await store.connect();
  try {
    yield* streamStatics(own, q, batchSize);
  } finally {
    own.close();
  }
}
