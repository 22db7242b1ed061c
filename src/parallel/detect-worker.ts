// A detection thread of the threaded batch adapter (src/parallel/detect-threads.ts): one DetectionRunner
// configured as a cluster work unit — the per-vessel chains of the MMSIs hashed to its partitions, and on
// the first thread also the global detectors (fed every vessel's segmented positions) — fed every report of
// the replay in order (the reception index behind gap verdicts hears all vessels). Post-steps run once, on
// the main thread, over every thread's events, as the cluster's store node does.
import { parentPort, workerData } from 'node:worker_threads';
import { DetectionRunner } from '../detectors/runner.js';
import { portAreasFrom } from '../anchorages/collect.js';
import { ReportBatchReader } from './report-batch.js';
import { hashShare, type DetectThreadData, type FromDetectThread, type ToDetectThread } from './detect-threads.js';

const port = parentPort!;
const data = workerData as DetectThreadData;
const [from, to] = data.owned;
const runner = new DetectionRunner({
  types: data.types ? new Set(data.types) : undefined,
  params: data.params,
  windowEndMs: data.windowEndMs,
  ports: data.stops ? portAreasFrom(data.stops).areas : undefined,
  retireSilent: data.retireSilent,
  ownsVessel: (m) => { const h = hashShare(m); return h >= from && h < to; },
  globals: data.globals,
  postSteps: false,
});
const reader = new ReportBatchReader();
const post = (m: FromDetectThread): void => port.postMessage(m);

port.on('message', (m: ToDetectThread) => {
  try {
    if (m.kind === 'batch') {
      reader.replay(m.batch, runner);
      post({ kind: 'events', ...runner.take() });
    } else {
      runner.flush();
      post({ kind: 'final', ...runner.take(), stats: runner.stats });
    }
  } catch (err) {
    post({ kind: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
