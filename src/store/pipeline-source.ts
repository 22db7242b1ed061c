// The detection runner's batch input read from the store: positions and statics, each in time order.
import type { Store } from './db.js';
import type { PipelineInput } from '../detectors/pipeline.js';
import { streamPositionsByTime, streamStatics, type PositionQuery } from './positions.js';

export function storeInput(store: Store, q: PositionQuery = {}, batchSize = 8192): PipelineInput {
  return {
    positionsByTime: () => streamPositionsByTime(store, q, batchSize),
    statics: () => streamStatics(store, q, batchSize),
  };
}
