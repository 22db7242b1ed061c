// `tumen detect` feeds the alert evaluator from the same replay as the detection runner: this wraps the
// runner's input so each position (and the statics before it, in the runner's order) also reaches the
// evaluator, without a second pass over the store.
import type { PipelineInput } from '../detectors/pipeline.js';
import type { StaticReport } from '../detectors/detector.js';
import type { Position } from '../tracks/position.js';

export interface ReportObserver {
  pushStatic(s: StaticReport): void;
  pushPosition(p: Position): void;
}

/** `input`, observed: the first position pass after the statics were read is fed to `observer`, in time
 *  order with statics before positions of the same time (a pass that learns anchorages first is not). */
export function tapInput(input: PipelineInput, observer: ReportObserver): PipelineInput {
  let statics: StaticReport[] | null = null;
  let fed = false;
  return {
    async *statics() {
      const seen: StaticReport[] = [];
      for await (const batch of input.statics()) {
        for (const s of batch) seen.push(s);
        yield batch;
      }
      statics = seen;
    },
    async *positionsByTime() {
      const feed = statics !== null && !fed;
      if (feed) fed = true;
      let si = 0;
      for await (const batch of input.positionsByTime()) {
        if (feed) {
          for (const p of batch) {
            while (si < statics!.length && statics![si]!.timeMs <= p.timeMs) observer.pushStatic(statics![si++]!);
            observer.pushPosition(p);
          }
        }
        yield batch;
      }
      if (feed) while (si < statics!.length) observer.pushStatic(statics![si++]!);
    },
  };
}
