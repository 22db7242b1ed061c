// The messages and KV values of a lake run (`tumen detect --lake DIR --nats URL`, docs/cluster.md "History").
import { gunzipSync, gzipSync } from 'node:zlib';
import type { KV } from '@nats-io/kv';
import type { TumenEvent } from '../events/schema.js';
import type { ParamOverrides } from '../detectors/registry.js';
import type { RunnerStats } from '../detectors/runner.js';
import type { LakeLayout } from '../store/lake.js';
import type { Layout } from './params.js';
import { lakeKey } from './params.js';

/** What every work item of a run shares (KV `lake.<run>.plan`). */
export interface LakePlan {
  /** The lake's directory: every worker reads it at this path (a shared file system). */
  dir: string;
  lake: LakeLayout;
  layout: Layout;
  types?: string[];
  params?: ParamOverrides;
}

/** One day of one work unit: the unit's state after the day before is in KV `lake.<run>.<unit>.<day - 1>`. */
export interface LakeItem {
  run: string;
  unit: string;
  /** Index into plan.lake.days. */
  day: number;
}

export type LakeOut =
  | { k: 'e'; e: TumenEvent }
  /** A unit's last day is done: every event it will send was sent before this. */
  | { k: 'done'; unit: string; stats: RunnerStats }
  /** A worker could not read the lake: the run cannot finish. */
  | { k: 'error'; unit: string; reason: string };

export const planKey = (run: string): string => lakeKey(run, 'plan');
export const portsKey = (run: string): string => lakeKey(run, 'ports');
export const dayStateKey = (run: string, unit: string, day: number): string => lakeKey(run, unit, day);

export async function putJson(kv: KV, key: string, value: unknown): Promise<void> {
  await kv.put(key, gzipSync(JSON.stringify(value)));
}

/** The value of `key`, or null when it is absent (deleted, or never written). */
export async function getJson<T>(kv: KV, key: string): Promise<T | null> {
  const entry = await kv.get(key);
  if (!entry || entry.operation !== 'PUT' || entry.value.length === 0) return null;
  return JSON.parse(gunzipSync(entry.value).toString('utf8')) as T;
}
