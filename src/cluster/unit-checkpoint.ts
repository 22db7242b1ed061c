// A work unit's checkpoint as it lies in the state bucket (gzip JSON): the last stream sequence it covers,
// the ports it had learned, its input order and the runner state, whole or as a head naming its parts.
import { gunzipSync } from 'node:zlib';
import type { RunnerState } from '../detectors/runner.js';
import { partKey, type RunnerHead } from './checkpoint-parts.js';
import type { InputOrderState } from './input-order.js';

export interface Checkpoint {
  seq: number;
  /** The ports messages seen, read back at restore: a state-bucket key (`ports.<sha256>`, where the
   *  publisher put the stops), or a stream sequence (a message from an older publisher, or an older
   *  checkpoint; such a message must still be in the stream). */
  ports?: Array<string | number>;
  /** Each input's next place and its messages waiting for an earlier one (src/cluster/input-order.ts). */
  order?: InputOrderState;
  /** The runner state whole (checkpoints before parts), or its head with `parts`. */
  runner: RunnerState | RunnerHead;
  /** The parts of the runner state, [name, hash]: each under its own key (src/cluster/checkpoint-parts.ts). */
  parts?: Array<[string, string]>;
}

export const unzipCheckpoint = (value: Uint8Array): Checkpoint => JSON.parse(gunzipSync(value).toString('utf8')) as Checkpoint;

/** The keys of the parts a checkpoint names (none for a checkpoint written whole). */
export function partNames(unit: string, cp: Checkpoint): string[] {
  return (cp.parts ?? []).map(([name, hash]) => partKey(unit, { name, hash }));
}
