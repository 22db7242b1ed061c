// The reports stream may be bounded (max age, max bytes) without breaking restores: a unit restores its
// port areas from the state bucket, never from behind its checkpoint. On one nats-server (started here):
// a unit reads half a world and checkpoints; the stream's age limit then removes every report, the ports
// message included; the unit, started again, restores and finishes the world with the single runner's
// events (ids and content). A checkpoint behind the stream's first sequence goes on from it, saying so.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nanos } from '@nats-io/transport-node';
import { DeliverPolicy } from '@nats-io/jetstream';
import { connectCluster, type ClusterClient } from '../../src/cluster/connect.js';
import { ReportPublisher } from '../../src/cluster/publish.js';
import { WorkUnit } from '../../src/cluster/unit.js';
import { consumerName } from '../../src/cluster/unit-keys.js';
import { unitRunnerOptions } from '../../src/cluster/unit-options.js';
import { encodePorts, mergePorts } from '../../src/cluster/messages.js';
import { CLUSTER_PARAMS, EVENTS_STREAM, REPORTS_STREAM } from '../../src/cluster/params.js';
import { DetectionRunner } from '../../src/detectors/runner.js';
import { portAreasFrom, scanStops } from '../../src/anchorages/collect.js';
import { memoryInput } from '../../src/detectors/pipeline.js';
import { simulate } from '../../src/sim/world.js';
import { decodeLines } from '../../bench/detect-decode.js';
import { timeOrdered, type Report } from '../contract/world.js';
import type { TumenEvent } from '../../src/events/schema.js';
import { hasNats, freePort, until } from './nats-helpers.js';

let dir: string;
let server: ChildProcess | undefined;
let client: ClusterClient;
let reports: Report[];
let stops: Awaited<ReturnType<typeof scanStops>>;
const layout = { partitions: 1, cells: 1 };

beforeAll(async () => {
  if (!hasNats) return;
  dir = mkdtempSync(join(tmpdir(), 'tumen-retention-'));
  const port = await freePort();
  server = spawn('nats-server', ['-js', '-sd', join(dir, 'js'), '-a', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const url = `nats://127.0.0.1:${port}`;
  await until('nats-server', 20_000, async () => {
    client = await connectCluster(url, { name: 'retention-test', replicas: 1, ...layout });
    return true;
  });
  const w = decodeLines([...simulate({ seed: 31, vessels: 10, days: 2 }).lines]);
  reports = timeOrdered({ ...w, endMs: 0, lines: [] });
  stops = await scanStops(memoryInput(w.positions).positionsByTime());
});

afterAll(async () => {
  await client?.nc.close().catch(() => undefined);
  server?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Waits until the unit's consumer has read and acked (checkpointed) every report in the stream. */
async function caughtUp(unit: string): Promise<void> {
  await until(`unit ${unit} to catch up`, 90_000, async () => {
    const last = (await client.jsm.streams.info(REPORTS_STREAM)).state.last_seq;
    const c = await client.jsm.consumers.info(REPORTS_STREAM, consumerName(unit));
    return c.delivered.stream_seq >= last && c.num_pending === 0 && c.num_ack_pending === 0;
  });
}

/** The stream's age limit, set to `ms` (and its duplicate window within it). */
async function setMaxAge(ms: number): Promise<void> {
  const { config } = await client.jsm.streams.info(REPORTS_STREAM);
  await client.jsm.streams.update(REPORTS_STREAM, { ...config, max_age: nanos(ms), duplicate_window: nanos(Math.min(ms, CLUSTER_PARAMS.reportsDuplicateWindowMs)) });
}

/** The events unit `unit` put on the events stream, the last version of each id. */
async function unitEvents(unit: string): Promise<Map<string, TumenEvent>> {
  const out = new Map<string, TumenEvent>();
  const last = (await client.jsm.streams.info(EVENTS_STREAM)).state.last_seq;
  if (last === 0) return out;
  const consumer = await client.js.consumers.get(EVENTS_STREAM, { filter_subjects: `tumen.events.${unit}`, deliver_policy: DeliverPolicy.All });
  for (;;) {
    const batch = await consumer.fetch({ max_messages: 1_000, expires: 1_000 });
    let n = 0;
    for await (const m of batch) {
      n++;
      const e = m.json<TumenEvent>();
      out.set(e.id, e);
    }
    if (n === 0) return out;
  }
}

describe.skipIf(!hasNats)('a bounded reports stream (nats-server)', () => {
  it('creates the reports stream with an age limit, the duplicate window within it', async () => {
    const { config } = await client.jsm.streams.info(REPORTS_STREAM);
    expect(config.max_age).toBe(nanos(CLUSTER_PARAMS.reportsMaxAgeMs));
    expect(config.duplicate_window).toBe(nanos(CLUSTER_PARAMS.reportsDuplicateWindowMs));
    expect(config.max_age).toBeGreaterThanOrEqual(config.duplicate_window);
  });

  it('a unit restarted after its ports message aged out restores from the state bucket: the single runner\'s events', async () => {
    const log: string[] = [];
    const publisher = new ReportPublisher(client);
    await publisher.ports(stops);
    const half = Math.floor(reports.length / 2);
    const push = (r: Report) => (r.kind === 'position' ? publisher.pushPosition(r.p) : publisher.pushStatic(r.s));
    for (let i = 0; i < half; i++) push(reports[i]!);
    await publisher.settle();

    let unit = new WorkUnit(client, 'v0', (l) => log.push(l));
    await unit.start();
    await caughtUp('v0');
    await unit.stop(true);

    // The age limit removes every report read so far, the ports message first among them.
    await setMaxAge(1_000);
    await until('the reports to age out', 20_000, async () => (await client.jsm.streams.info(REPORTS_STREAM)).state.messages === 0);
    await setMaxAge(CLUSTER_PARAMS.reportsMaxAgeMs);
    expect((await client.jsm.streams.info(REPORTS_STREAM)).state.first_seq).toBeGreaterThan(half);

    for (let i = half; i < reports.length; i++) push(reports[i]!);
    await publisher.end();
    // A part whose head never landed (a worker killed between the two writes): removed at the next start.
    await client.state.put('unit.v0.part.v3.0000000000', new TextEncoder().encode('left over'));
    unit = new WorkUnit(client, 'v0', (l) => log.push(l));
    await unit.start(); // an older checkpoint (ports by stream sequence) fails here: the message is gone
    await caughtUp('v0');
    await unit.stop(true);
    expect(log.filter((l) => /removed by the stream's limits|no longer in/.test(l))).toEqual([]);
    // The checkpoint is in parts: the head and the previous checkpoint (its fallback) name them, and the
    // bucket holds those and no others (the left-over part is gone).
    const named = async (key: string) => (JSON.parse(gunzipSync((await client.state.get(key))!.value).toString('utf8')) as { parts: Array<[string, string]> }).parts;
    const head = await named('unit.v0');
    const previous = await named('unit.v0.previous');
    const keys: string[] = [];
    for await (const k of await client.state.keys('unit.v0.part.>')) keys.push(k);
    expect(head.length).toBeGreaterThan(5);
    expect(keys.sort()).toEqual([...new Set([...head, ...previous].map(([n, h]) => `unit.v0.part.${n}.${h}`))].sort());

    // The single runner over the same reports, with the same port areas.
    const runner = new DetectionRunner({ ...unitRunnerOptions('v0', layout), ports: portAreasFrom(mergePorts([encodePorts(stops)])).areas });
    const expected = new Map<string, TumenEvent>();
    for (const r of reports) {
      if (r.kind === 'position') runner.pushPosition(r.p);
      else runner.pushStatic(r.s);
    }
    for (const e of runner.take().events) expected.set(e.id, e);
    runner.flush();
    for (const e of runner.take().events) expected.set(e.id, e);
    expect(expected.size).toBeGreaterThan(10);
    const got = await unitEvents('v0');
    const lines = (m: Map<string, TumenEvent>) => [...m.values()].map((e) => JSON.stringify(e)).sort();
    expect(lines(got)).toEqual(lines(expected));
  }, 240_000);

  it('a checkpoint behind the stream\'s first sequence goes on from it and says how many were lost', async () => {
    const log: string[] = [];
    const publisher = new ReportPublisher(client);
    await publisher.ports(stops);
    for (const r of reports.slice(0, 50)) if (r.kind === 'position') publisher.pushPosition(r.p);
    await publisher.settle();
    const lost = await client.jsm.streams.info(REPORTS_STREAM);
    await client.jsm.streams.purge(REPORTS_STREAM); // as the limits would, before the unit read them
    for (const r of reports.slice(50, 80)) if (r.kind === 'position') publisher.pushPosition(r.p);
    await publisher.end();
    const unit = new WorkUnit(client, 'v0', (l) => log.push(l));
    await unit.start();
    await caughtUp('v0');
    await unit.stop(true);
    expect(log.filter((l) => /removed by the stream's limits/.test(l))).toHaveLength(1);
    expect(log.join('\n')).toContain(`going on from ${lost.state.last_seq + 1}`);
    expect(log.filter((l) => /restarting from the checkpoint/.test(l))).toEqual([]);
  }, 120_000);
});
