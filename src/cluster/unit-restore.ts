// Restoring a work unit from its checkpoint in the state bucket: the head and the parts it names, and, when
// a part is missing, the fallback to the checkpoint before it or to the stream's first report
// (docs/cluster.md, "Checkpoints in parts").
import { gunzipSync } from 'node:zlib';
import { DetectionRunner, type RunnerState } from '../detectors/runner.js';
import type { ClusterClient } from './connect.js';
import { joinState, partKey, type RunnerHead } from './checkpoint-parts.js';
import { InputOrder } from './input-order.js';
import { STATE_BUCKET } from './params.js';
import { unzipCheckpoint, type Checkpoint } from './unit-checkpoint.js';
import { unitRunnerOptionsWith } from './unit-options.js';
import { readPorts, type UnitPorts } from './unit-ports.js';

/** A part the head names is not in the bucket. */
export class MissingPart extends Error {}

/** Who restores: the unit's name, the cluster it reads from, where it says what it did. */
export interface RestoreContext {
  client: ClusterClient;
  unit: string;
  log: (line: string) => void;
}

/** A unit as a checkpoint left it. */
export interface RestoredUnit {
  cp: Checkpoint;
  runner: DetectionRunner;
  order: InputOrder;
  ports: UnitPorts;
  /** The keys of the parts the checkpoint reads, each with the sequence of the message read (none: whole). */
  partKeys: Map<string, number>;
  /** The gzipped checkpoint restored (the next checkpoint keeps it as previous). */
  headValue: Uint8Array;
}

/** Restores the runner, the input order and the ports of a gzipped checkpoint; throws MissingPart if a
 *  part it names is gone. */
export async function restoreCheckpoint(ctx: RestoreContext, value: Uint8Array): Promise<RestoredUnit> {
  const cp = unzipCheckpoint(value);
  const ports = await readPorts(ctx.client, ctx.unit, cp.ports ?? []);
  const { state, partKeys } = await readRunnerState(ctx, cp);
  const runner = DetectionRunner.restore(state, unitRunnerOptionsWith(ctx.unit, ctx.client, ports.areas));
  return { cp, runner, order: new InputOrder(cp.order), ports, partKeys, headValue: value };
}

/** The head cannot be restored (`missing`): the previous checkpoint if it is whole and the stream still
 *  holds the reports after it, else null (start over) if the stream still holds every report, else throws. */
export async function fallBack(ctx: RestoreContext, missing: MissingPart, previousValue: Uint8Array | null, firstSeq: number): Promise<RestoredUnit | null> {
  if (previousValue) {
    const seq = unzipCheckpoint(previousValue).seq;
    if (seq + 1 >= firstSeq) {
      try {
        const restored = await restoreCheckpoint(ctx, previousValue);
        ctx.log(`unit ${ctx.unit}: ${missing.message}; restored the previous checkpoint instead (stream sequence ${restored.cp.seq}) and replaying the reports after it`);
        return restored;
      } catch (err) {
        if (!(err instanceof MissingPart)) throw err;
      }
    }
  }
  if (firstSeq <= 1) {
    ctx.log(`unit ${ctx.unit}: ${missing.message}; no earlier checkpoint is whole: starting over from the reports stream's first message`);
    return null;
  }
  throw new Error(`${missing.message}; no earlier checkpoint is whole and the reports stream no longer holds its first messages (it starts at ${firstSeq}): the unit cannot restore (no worker will run it); removing its head (unit.${ctx.unit}) makes it go on from the oldest report kept, with events that may differ from one process's`);
}

/** The runner state of a checkpoint: whole, or joined from the parts its head names. */
async function readRunnerState({ client, unit }: RestoreContext, cp: Checkpoint): Promise<{ state: RunnerState; partKeys: Map<string, number> }> {
  if (!cp.parts) return { state: cp.runner as RunnerState, partKeys: new Map() };
  // All at once: a restore (a takeover) waits for the slowest read, not for the sum of them.
  const parts = await Promise.all(cp.parts.map(async ([name, hash]) => {
    const key = partKey(unit, { name, hash });
    const e = await client.state.get(key);
    if (!e || e.operation !== 'PUT') {
      throw new MissingPart(`unit ${unit}: checkpoint part ${key} named by the head is missing from ${STATE_BUCKET}`);
    }
    return { key, seq: e.revision, part: { name, json: gunzipSync(e.value).toString('utf8') } };
  }));
  return { state: joinState(cp.runner as RunnerHead, parts.map((p) => p.part)), partKeys: new Map(parts.map((p) => [p.key, p.seq])) };
}
