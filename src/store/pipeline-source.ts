// The detection pipeline's input read from the store: positions by vessel (streamPositions), positions in
// time order for the multi-vessel detectors, and statics in time order (streamStatics).
import type { Store } from './db.js';
import type { PipelineInput } from '../detectors/pipeline.js';
import { streamPositions, streamPositionsByTime, streamStatics, type PositionQuery } from './positions.js';

export function storeInput(store: Store, q: PositionQuery = {}, batchSize = 8192): PipelineInput {
  return {
    positionsByVessel: () => streamPositions(store, q, batchSize),
    positionsByTime: () => streamPositionsByTime(store, q, batchSize),
    statics: () => streamStatics(store, q, batchSize),
  };
}
