// What a work unit runs of the detection runner: `vP` the per-vessel chains of partition P, `g` the
// non-spatial global detectors, `eC` the encounters of spatial cell C (docs/cluster.md, "Topology").
import type { RunnerOptions } from '../detectors/runner.js';
import { spatialCell } from '../detectors/spatial-cells.js';
import { partitionOf, type Layout } from './params.js';

export function unitRunnerOptions(unit: string, { partitions, cells }: Layout): RunnerOptions {
  if (unit === 'g') return { ownsVessel: () => false, globals: true, spatialGlobals: false, postSteps: false };
  const n = Number(unit.slice(1));
  if (unit.startsWith('e')) return { ownsVessel: () => false, cell: spatialCell(n, cells), postSteps: false };
  return { ownsVessel: (m) => partitionOf(m, partitions) === n, globals: false, postSteps: false };
}

/** The unit's options under the port areas learned so far (undefined: none yet, the runner's default). */
export function unitRunnerOptionsWith(unit: string, layout: Layout, ports: RunnerOptions['ports']): RunnerOptions {
  return { ...unitRunnerOptions(unit, layout), ...(ports ? { ports } : {}) };
}
