// A unit's checkpoint in parts, so a checkpoint writes only what changed since the previous one: the
// vessels' chains (and retired records) in chunks by MMSI hash, the reception counts in chunks by day (hours
// behind the current one no longer change: reports come in time order), and the rest (reception models,
// global detectors, counters) as the head. Each part is named by its content (`<name>.<sha256 prefix>`), so a
// part is written once and a worker that lost the unit can never overwrite a part another owner's head
// reads. Pure: the KV writes are src/cluster/unit.ts's, the reads src/cluster/unit-restore.ts's.
import { createHash } from 'node:crypto';
import type { RunnerState } from '../detectors/runner.js';
import { HOUR_BITS } from '../detectors/hour-series.js';
import { mmsiHash } from '../detectors/mmsi-hash.js';
import { CLUSTER_PARAMS } from './params.js';

/** One part: its name (`v17`, `r19810`), its JSON and the hash naming it. */
export interface Part {
  name: string;
  json: string;
  hash: string;
}

/** What the head keeps of the runner state: everything but the parts. */
export type RunnerHead = Omit<RunnerState, 'vessels' | 'retired' | 'reception'> & {
  reception: Omit<RunnerState['reception'], 'all' | 'terrestrial'>;
};

function vesselChunk(mmsi: number): number {
  return mmsiHash(mmsi) % CLUSTER_PARAMS.checkpointVesselChunks;
}
const dayOf = (key: number): number => Math.floor((key % HOUR_BITS) / 24);

function part(name: string, value: unknown): Part {
  const json = JSON.stringify(value);
  return { name, json, hash: createHash('sha256').update(json).digest('hex').slice(0, 20) };
}

/** Splits a runner state into the head and its parts. */
export function splitState(state: RunnerState): { head: RunnerHead; parts: Part[] } {
  const { vessels, retired, reception, ...rest } = state;
  const { all, terrestrial, ...models } = reception;
  const chunks = new Map<string, { vessels: RunnerState['vessels']; retired: NonNullable<RunnerState['retired']> }>();
  const chunk = (mmsi: number) => {
    const name = `v${vesselChunk(mmsi)}`;
    let c = chunks.get(name);
    if (!c) chunks.set(name, (c = { vessels: [], retired: [] }));
    return c;
  };
  // By MMSI within a part, so a part's content (and name) does not depend on the order vessels were heard.
  for (const v of [...vessels].sort((a, b) => a[0] - b[0])) chunk(v[0]).vessels.push(v);
  for (const r of [...(retired ?? [])].sort((a, b) => a[0] - b[0])) chunk(r[0]).retired.push(r);
  const days = new Map<string, { all: Array<[number, number]>; terrestrial: Array<[number, number]> }>();
  const day = (key: number) => {
    const name = `r${dayOf(key)}`;
    let d = days.get(name);
    if (!d) days.set(name, (d = { all: [], terrestrial: [] }));
    return d;
  };
  for (const p of all) day(p[0]).all.push(p);
  for (const p of terrestrial) day(p[0]).terrestrial.push(p);
  const parts = [...[...chunks].map(([n, c]) => part(n, c)), ...[...days].map(([n, d]) => part(n, d))];
  return { head: { ...rest, reception: models }, parts };
}

/** The runner state from its head and parts (any order). */
export function joinState(head: RunnerHead, parts: ReadonlyArray<{ name: string; json: string }>): RunnerState {
  const vessels: RunnerState['vessels'] = [];
  const retired: NonNullable<RunnerState['retired']> = [];
  const all: Array<[number, number]> = [];
  const terrestrial: Array<[number, number]> = [];
  for (const p of parts) {
    const v = JSON.parse(p.json) as Record<string, never[]>;
    if (p.name.startsWith('v')) {
      vessels.push(...(v.vessels as RunnerState['vessels']));
      retired.push(...(v.retired as NonNullable<RunnerState['retired']>));
    } else if (p.name.startsWith('r')) {
      all.push(...(v.all as Array<[number, number]>));
      terrestrial.push(...(v.terrestrial as Array<[number, number]>));
    } else throw new Error(`checkpoint part ${p.name}: unknown kind`);
  }
  // Each cell's hours in order (the index appends them so), cells by number: the order of the map does not
  // matter to the index.
  all.sort((a, b) => a[0] - b[0]);
  terrestrial.sort((a, b) => a[0] - b[0]);
  return { ...head, reception: { ...head.reception, all, terrestrial }, vessels, retired };
}

/** The KV key of a part of unit U's checkpoint. */
export const partKey = (unit: string, p: { name: string; hash: string }): string => `unit.${unit}.part.${p.name}.${p.hash}`;
