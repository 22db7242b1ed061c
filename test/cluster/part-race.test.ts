// Checkpoint parts are keyed by their content, so two owners of a unit (one that lost it, one that took it
// over) can write the same key. Removing a part must never remove the other owner's copy. On one
// nats-server (started here): a part dropped by one owner and written again by another stays; a part
// written for a head that lands after the next owner's restore stays (the sweep waits for that owner's own
// head); a head naming a part that is gone restores the previous checkpoint (or, the stream still whole,
// starts over) and gets the same state back, else fails saying so.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCluster, type ClusterClient } from '../../src/cluster/connect.js';
import { ReportPublisher } from '../../src/cluster/publish.js';
import { WorkUnit } from '../../src/cluster/unit.js';
import { consumerName, previousKey, stateKey } from '../../src/cluster/unit-keys.js';
import { removeStateMessages } from '../../src/cluster/state-write.js';
import { CLUSTER_PARAMS, REPORTS_STREAM } from '../../src/cluster/params.js';
import { mmsiHash } from '../../src/detectors/mmsi-hash.js';
import type { Position } from '../../src/tracks/position.js';
import { scanStops } from '../../src/anchorages/collect.js';
import { memoryInput } from '../../src/detectors/pipeline.js';
import { simulate } from '../../src/sim/world.js';
import { decodeLines } from '../../bench/detect-decode.js';
import { timeOrdered } from '../contract/world.js';
import { hasNats, freePort, sleep, until } from './nats-helpers.js';

let dir: string;
let server: ChildProcess | undefined;
let client: ClusterClient;
let stops: Awaited<ReturnType<typeof scanStops>>;
let lastPosition: Position;

beforeAll(async () => {
  if (!hasNats) return;
  dir = mkdtempSync(join(tmpdir(), 'tumen-partrace-'));
  const port = await freePort();
  server = spawn('nats-server', ['-js', '-sd', join(dir, 'js'), '-a', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  await until('nats-server', 20_000, async () => {
    client = await connectCluster(`nats://127.0.0.1:${port}`, { name: 'partrace-test', replicas: 1, partitions: 1, cells: 1 });
    return true;
  });
  // A unit's checkpoint in parts: a small world, read to its end by unit v0.
  const w = decodeLines([...simulate({ seed: 31, vessels: 6, days: 1 }).lines]);
  const publisher = new ReportPublisher(client);
  stops = await scanStops(memoryInput(w.positions).positionsByTime());
  lastPosition = w.positions[w.positions.length - 1]!;
  await publisher.ports(stops);
  for (const r of timeOrdered({ ...w, endMs: 0, lines: [] })) (r.kind === 'position' ? publisher.pushPosition(r.p) : publisher.pushStatic(r.s));
  await publisher.end();
  const unit = new WorkUnit(client, 'v0', () => undefined);
  await unit.start();
  await until('unit v0 to catch up', 60_000, async () => {
    const last = (await client.jsm.streams.info(REPORTS_STREAM)).state.last_seq;
    const c = await client.jsm.consumers.info(REPORTS_STREAM, consumerName('v0'));
    return c.delivered.stream_seq >= last && c.num_pending === 0 && c.num_ack_pending === 0;
  });
  await unit.stop(true);
}, 90_000);

afterAll(async () => {
  await client?.nc.close().catch(() => undefined);
  server?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Head { seq: number; parts: Array<[string, string]> }
const readHead = async () => {
  const e = (await client.state.get(stateKey('v0')))!;
  return { revision: e.revision, head: JSON.parse(gunzipSync(e.value).toString('utf8')) as Head & Record<string, unknown> };
};

/** The client as a slow old owner sees it: once `hold` is called, reads of parts and message deletes wait
 *  until `release`. */
function heldClient(): { client: ClusterClient; hold(): void; release(): void } {
  let gate: Promise<void> | null = null;
  let open = (): void => undefined;
  const held = <T>(f: () => Promise<T>): Promise<T> => (gate ? gate.then(f) : f());
  const state = new Proxy(client.state, {
    get(t, p) {
      if (p === 'get') return (k: string) => (k.includes('.part.') ? held(() => t.get(k)) : t.get(k));
      const v = Reflect.get(t, p) as unknown;
      return typeof v === 'function' ? v.bind(t) : v;
    },
  });
  const streams = new Proxy(client.jsm.streams, {
    get(t, p) {
      if (p === 'deleteMessage') return (stream: string, seq: number, erase?: boolean) => held(() => t.deleteMessage(stream, seq, erase));
      const v = Reflect.get(t, p) as unknown;
      return typeof v === 'function' ? v.bind(t) : v;
    },
  });
  const jsm = new Proxy(client.jsm, { get: (t, p) => (p === 'streams' ? streams : Reflect.get(t, p)) });
  return {
    client: { ...client, state, jsm },
    hold: () => { gate = new Promise((r) => { open = r; }); },
    release: () => { gate = null; open(); },
  };
}

describe.skipIf(!hasNats)('checkpoint parts with two owners (nats-server)', () => {
  it('the old owner removing a part it dropped leaves the new owner\'s copy of that key (its head names it)', async () => {
    const log: string[] = [];
    // The pushed report's vessel changes its own chunk: the part raced over is another one.
    const pushedChunk = `v${mmsiHash(lastPosition.mmsi) % CLUSTER_PARAMS.checkpointVesselChunks}`;
    const h1 = await readHead();
    const [name, hash] = h1.head.parts.find(([n]) => n.startsWith('v') && n !== pushedChunk)!;
    const bytes = (await client.state.get(`unit.v0.part.${name}.${hash}`))!.value;
    // The old owner's head names the part under another key (as if its content had been different): its
    // next checkpoint names it by its content again and drops this key.
    const raced = `unit.v0.part.${name}.eeeeeeeeeeeeeeeeeeee`;
    const named = (h: Head & Record<string, unknown>, k: string) => ({ ...h, parts: h.parts.map(([n, x]): [string, string] => (n === name ? [n, k] : [n, x])) });
    await client.state.put(raced, bytes);
    await client.state.update(stateKey('v0'), gzipSync(JSON.stringify(named(h1.head, 'eeeeeeeeeeeeeeeeeeee'))), h1.revision);
    const o = heldClient();
    const old = new WorkUnit(o.client, 'v0', (l) => log.push(l));
    await old.start();
    o.hold();
    // One more report: the old owner checkpoints (its head lands), then its removal of the dropped key waits.
    const publisher = new ReportPublisher(client);
    await publisher.ports(stops);
    publisher.pushPosition({ ...lastPosition, timeMs: lastPosition.timeMs + 10_000 });
    await publisher.end();
    const before = (await readHead()).revision;
    await until('the old owner\'s head', 20_000, async () => (await readHead()).revision > before);
    const h2 = await readHead();
    expect(h2.head.parts).toContainEqual([name, hash]);
    // The new owner restored that head, and its content under the raced key: written again, named by its head.
    const rewritten = await client.state.put(raced, bytes);
    await client.state.update(stateKey('v0'), gzipSync(JSON.stringify(named(h2.head, 'eeeeeeeeeeeeeeeeeeee'))), h2.revision);
    o.release();
    await old.stop(false); // waits for its checkpoint (the removal) to end
    expect((await client.state.get(raced))?.revision).toBe(rewritten);
    // A later restore reads the new owner's head whole.
    const next = new WorkUnit(client, 'v0', (l) => log.push(l));
    await next.start();
    await sleep(500);
    await next.stop(false);
    expect(log.filter((l) => /missing/.test(l))).toEqual([]);
  }, 30_000);

  it('a part one owner dropped and another wrote again (same content, same key) keeps the other\'s copy', async () => {
    const key = 'unit.v9.part.v1.0123456789abcdef0123';
    const enc = new TextEncoder();
    const oldOwners = await client.state.put(key, enc.encode('chunk'));
    const newOwners = await client.state.put(key, enc.encode('chunk'));
    await removeStateMessages(client, [oldOwners]); // the old owner's checkpoint dropping the part
    const e = await client.state.get(key);
    expect(e?.operation).toBe('PUT');
    expect(e?.revision).toBe(newOwners);
    await removeStateMessages(client, [newOwners]);
    expect(await client.state.get(key)).toBeNull();
  });

  it('parts written for a head that lands after the next owner restored are not swept by it', async () => {
    const log: string[] = [];
    const h1 = await readHead();
    // The previous owner, between its parts and its head: one part under a new key (its content is the
    // same as a part of H1's, the hash stands for new content).
    const [name, hash] = h1.head.parts[0]!;
    const value = (await client.state.get(`unit.v0.part.${name}.${hash}`))!.value;
    const newKey = `unit.v0.part.${name}.ffffffffffffffffffff`;
    await client.state.put(newKey, value);
    const h2 = { ...h1.head, parts: h1.head.parts.map(([n, h]): [string, string] => (n === name ? [n, 'ffffffffffffffffffff'] : [n, h])) };

    const next = new WorkUnit(client, 'v0', (l) => log.push(l));
    await next.start(); // restores H1
    await sleep(500);
    // The previous owner's head lands: the next owner has written none yet, so the revision is still H1's.
    await client.state.update(stateKey('v0'), gzipSync(JSON.stringify(h2)), h1.revision);
    await next.stop(false); // its first head would be refused: it lost the unit
    expect((await client.state.get(newKey))?.operation).toBe('PUT');

    const third = new WorkUnit(client, 'v0', (l) => log.push(l));
    await third.start(); // restores H2, which names the part
    await third.stop(false); // at once: a stop before the first pull ends too
    expect(log.filter((l) => /missing/.test(l))).toEqual([]);
  });

  it('a head naming a part that is gone: the unit restores the previous checkpoint, or starts over, and gets the lost state back', async () => {
    // Unit g on its own (the cases above rewrite v0's heads by hand): to the end of the stream, then one
    // more report, so its head has a previous checkpoint whose parts differ.
    const log: string[] = [];
    const caughtUp = async (unit: WorkUnit) => {
      await until('unit g to catch up', 60_000, async () => {
        const last = (await client.jsm.streams.info(REPORTS_STREAM)).state.last_seq;
        const c = await client.jsm.consumers.info(REPORTS_STREAM, consumerName('g'));
        return c.delivered.stream_seq >= last && c.num_pending === 0 && c.num_ack_pending === 0; // acked: checkpointed
      });
      await unit.stop(true);
    };
    const head = async (key: string) => JSON.parse(gunzipSync((await client.state.get(key))!.value).toString('utf8')) as Head;
    const first = new WorkUnit(client, 'g', (l) => log.push(l));
    await first.start();
    await caughtUp(first);
    const publisher = new ReportPublisher(client);
    await publisher.ports(stops);
    publisher.pushPosition({ ...lastPosition, timeMs: lastPosition.timeMs + 20_000 });
    await publisher.end();
    const second = new WorkUnit(client, 'g', (l) => log.push(l));
    await second.start();
    await caughtUp(second);
    const h2 = await head(stateKey('g'));
    const h1 = await head(previousKey('g'));
    expect(h1.seq).toBeLessThan(h2.seq);
    const lost = h2.parts.find((p) => !h1.parts.some((q) => q[0] === p[0] && q[1] === p[1]))!;
    expect(lost).toBeDefined();
    const lostKey = `unit.g.part.${lost[0]}.${lost[1]}`;
    // The head's parts as content: reception counts as sorted pairs (a state restored from parts holds its
    // counts in another order than one built report by report; the counts are what matter).
    const content = async (h: Head) => Promise.all(h.parts.map(async ([name, hash]) => {
      const v = JSON.parse(gunzipSync((await client.state.get(`unit.g.part.${name}.${hash}`))!.value).toString('utf8')) as Record<string, unknown>;
      for (const k of ['all', 'terrestrial']) if (Array.isArray(v[k])) (v[k] as Array<[number, number]>).sort((a, b) => a[0] - b[0]);
      return [name, v] as const;
    }));
    const lostState = await content(h2);
    const gEvents = async () => (await client.jsm.streams.info('TUMEN_EVENTS', { subjects_filter: 'tumen.events.g' })).state.messages;
    const eventsBefore = await gEvents();
    const dropPart = async (key: string) => removeStateMessages(client, [(await client.state.get(key))!.revision]);

    // 1. The head's part is gone: the previous checkpoint is restored, the reports after it read again, and
    // the next head names the very parts that were lost (same reports, same state, same content keys).
    await dropPart(lostKey);
    log.length = 0;
    const third = new WorkUnit(client, 'g', (l) => log.push(l));
    await third.start();
    expect(log.join('\n')).toMatch(new RegExp(`part ${lostKey.replace(/\./g, '\\.')} named by the head is missing .*restored the previous checkpoint instead \\(stream sequence ${h1.seq}\\)`));
    await caughtUp(third);
    const h3 = await head(stateKey('g'));
    expect(h3.seq).toBe(h2.seq);
    expect(h3.parts).toEqual(h2.parts);
    expect((await client.state.get(lostKey))?.operation).toBe('PUT');

    // 2. The head's part and one of the previous checkpoint's are gone: the stream still holds every report,
    // so the unit starts over from its first message, to the same state again.
    const prev = await head(previousKey('g'));
    expect(prev.seq).toBe(h1.seq);
    await dropPart(lostKey);
    await dropPart(`unit.g.part.${prev.parts[0]![0]}.${prev.parts[0]![1]}`);
    log.length = 0;
    const fourth = new WorkUnit(client, 'g', (l) => log.push(l));
    await fourth.start();
    expect(log.join('\n')).toMatch(/no earlier checkpoint is whole: starting over from the reports stream's first message/);
    expect(log.join('\n')).toMatch(/started after stream sequence 0 /);
    await caughtUp(fourth);
    const h4 = await head(stateKey('g'));
    expect(h4.seq).toBe(h2.seq);
    expect(h4.parts.map(([n]) => n)).toEqual(h2.parts.map(([n]) => n));
    expect(await content(h4)).toEqual(lostState);
    // Every event found again had been published before (same ids): the server dropped them all.
    expect(await gEvents()).toBe(eventsBefore);

    // 3. Neither checkpoint whole and the stream's first report gone (its limits removed it): the restore
    // fails, naming the part and what an operator can do.
    await dropPart(lostKey);
    await dropPart(`unit.g.part.${prev.parts[0]![0]}.${prev.parts[0]![1]}`).catch(() => undefined);
    await client.jsm.streams.deleteMessage(REPORTS_STREAM, 1, false);
    const fifth = new WorkUnit(client, 'g', () => undefined);
    await expect(fifth.start()).rejects.toThrow(/named by the head is missing.*no earlier checkpoint is whole and the reports stream no longer holds its first messages \(it starts at 2\).*removing its head \(unit\.g\)/s);
  }, 90_000);
});
