// One work unit on a worker: a durable consumer over the reports stream (not replicated, in memory:
// re-created from the checkpoint when its node is lost, unit-consumer.ts), the detection runner (the same
// engine as `tumen detect`), and its checkpoint in KV. The loop: fetch reports → push them through the
// runner → every 200 ms publish the events completed (Nats-Msg-Id = event id) → every few seconds capture
// the runner's state and, in the background, await those events' acks, write the state and the last stream
// sequence to KV, then ack the reports it covers. Processing never waits for the network (event latency).
// A crash anywhere replays from the last checkpoint: the same reports give the same events with the same
// ids, which the events stream's duplicate window and the store's upsert absorb — each event once.
//
// Every unit reads every report (the reception index behind gap verdicts needs all vessels' positions);
// vessel unit `vP` runs the per-vessel chains of the MMSIs hashed to partition P, unit `g` the non-spatial
// global detectors over every vessel's segmented positions, unit `eC` the encounters of spatial cell C
// (unit-options.ts). On (re)start the unit restores its checkpoint (unit-restore.ts) and the consumer is
// re-created to begin right after it, so reports are always processed in stream order.
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { Consumer as JsConsumer, JsMsg } from '@nats-io/jetstream';
import { DetectionRunner, type RunnerOptions } from '../detectors/runner.js';
import type { TumenEvent } from '../events/schema.js';
import type { ClusterClient } from './connect.js';
import { portAreasFrom } from '../anchorages/collect.js';
import { decodeReport, mergePorts } from './messages.js';
import { publishWindow } from './publish-retry.js';
import { putRetried, removeStateKeys, removeStateMessages, writeState } from './state-write.js';
import { partKey, splitState } from './checkpoint-parts.js';
import { InputOrder, type Sequenced } from './input-order.js';
import { CLUSTER_PARAMS, eventSubject, REPORTS_STREAM, STATE_BUCKET } from './params.js';
import { withTimeout } from './lease.js';
import { ackConfirmed } from './ack-confirmed.js';
import { consumerName, previousKey, stateKey } from './unit-keys.js';
import { partNames, unzipCheckpoint, type Checkpoint } from './unit-checkpoint.js';
import { unitRunnerOptionsWith } from './unit-options.js';
import { recreateConsumer } from './unit-consumer.js';
import { retryUnanswered } from './retry-unanswered.js';
import { readPorts, type PortsMessage, type UnitPorts } from './unit-ports.js';
import { fallBack, MissingPart, restoreCheckpoint, type RestoredUnit } from './unit-restore.js';

const gzipAsync = promisify(gzip);

export class WorkUnit {
  private stopped = false;
  private done: Promise<void> = Promise.resolve();
  private runner!: DetectionRunner;
  private stateRevision = 0;
  /** Revision of the previous checkpoint's key (0: none), and the gzipped checkpoint this unit's state stems
   *  from (the last head it wrote, or the checkpoint it restored): the next checkpoint keeps it as previous. */
  private previousRevision = 0;
  private headValue: Uint8Array | null = null;
  /** Parts of the previous checkpoint, kept for a restore to fall back to, with the sequence of the
   *  message this owner wrote or read (0: not read; removed by revision older than a head of this owner's). */
  private previousPartKeys = new Map<string, number>();
  /** Keys of the parts the last checkpoint written (or restored) reads, each with the sequence of the message
   *  this owner wrote or read: unchanged parts are not written again, and a part dropped is removed by that
   *  sequence only (another owner may have written the same key since). */
  private partKeys = new Map<string, number>();
  /** Parts no head reads (a head that never landed) are swept once this owner's first head has landed. */
  private sweepPending = false;
  /** Bytes written to KV by this unit's checkpoints (heads and parts, gzipped), and how many checkpoints. */
  checkpointBytes = 0;
  checkpoints = 0;
  /** Size of the state captured by the last checkpoint (JSON bytes of the head and every part). */
  stateBytes = 0;
  private lastSeq = 0;
  private order = new InputOrder();
  /** The ports messages seen and the areas learned from them (undefined: none yet, the runner's default). */
  private portRefs: Array<string | number> = [];
  private portMessages: PortsMessage[] = [];
  private ports: RunnerOptions['ports'];
  /** Reports processed since the last checkpoint, and the last of them (its ack covers the others). */
  private unacked = 0;
  private lastUnacked: JsMsg | null = null;
  private outbox: Array<{ e: TumenEvent; msgId: string }> = [];
  /** Event publishing, one window after another: awaiting it means every event handed to it is stored. */
  private sending: Promise<void> = Promise.resolve();
  /** A checkpoint being written (events, then state, then acks): processing goes on meanwhile. */
  private checkpointing: Promise<void> | null = null;
  private lastCheckpointMs = Date.now();
  /** Time between checkpoints: at least checkpointEveryMs, longer when capturing the state costs more. */
  private checkpointGapMs: number = CLUSTER_PARAMS.checkpointEveryMs;
  private timer: NodeJS.Timeout | null = null;
  private messages: { stop(): void } | null = null;
  /** Reports processed by this unit since it started here. */
  reports = 0;
  /** Set when a checkpoint failed (the lease went to another worker meanwhile): the worker drops the unit. */
  failed = false;

  constructor(private readonly client: ClusterClient, readonly unit: string, private readonly log: (line: string) => void) {}

  async start(): Promise<void> {
    await this.openAtStart();
    // Events go out every publishEveryMs (low latency); state is checkpointed less often (it costs a snapshot).
    this.timer = setInterval(() => {
      if (this.failed) return;
      if (!this.checkpointing && this.unacked > 0 && Date.now() - this.lastCheckpointMs >= this.checkpointGapMs) this.startCheckpoint();
      else this.sendEvents();
    }, CLUSTER_PARAMS.publishEveryMs);
    this.done = this.run();
  }

  /** Graceful: checkpoint what was processed. Lost lease: stop without writing (another worker owns it). */
  async stop(graceful: boolean): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.messages?.stop();
    await this.done.catch(() => undefined);
    await this.settled();
    if (graceful && !this.failed && this.unacked > 0) {
      this.startCheckpoint();
      await this.settled();
    }
  }

  /** Waits for the checkpoint and the event windows in flight (their failures make the unit `failed`). */
  private async settled(): Promise<void> {
    await this.checkpointing;
    await this.sending.catch(() => undefined);
  }

  /** open(), tried again while the cluster does not answer in time (a cluster just up, a loaded box): a unit
   *  whose first restore timed out gave its lease back and waited for its worker's next claim round — in a
   *  replay of 2026-12-07 unit e1 ran 14 s after the others, and the first reports' events waited for it.
   *  Any other failure is thrown (the worker lets the lease go). */
  private async openAtStart(): Promise<void> {
    await retryUnanswered(() => this.open(), CLUSTER_PARAMS.publishRetryMs, (why) => this.log(`unit ${this.unit}: starting: ${why}; retrying`), () => this.stopped);
  }

  /** Restores the checkpoint and (re)creates the consumer to deliver from the report after it. */
  private async open(attempt = 0): Promise<void> {
    const t0 = Date.now();
    const { state, jsm } = this.client;
    const [entry, previous, firstSeq] = await Promise.all([
      state.get(stateKey(this.unit)), state.get(previousKey(this.unit)), jsm.streams.info(REPORTS_STREAM).then((i) => i.state.first_seq),
    ]);
    this.unacked = 0;
    this.lastUnacked = null;
    this.outbox = [];
    this.previousRevision = previous && previous.operation === 'PUT' ? previous.revision : 0;
    const previousValue = previous && previous.operation === 'PUT' && previous.value.length > 0 ? previous.value : null;
    const ctx = { client: this.client, unit: this.unit, log: this.log };
    let from: Checkpoint | null = null;
    if (entry && entry.operation === 'PUT' && entry.value.length > 0) {
      try {
        from = this.adopt(await restoreCheckpoint(ctx, entry.value));
        this.previousPartKeys = new Map(previousValue ? partNames(this.unit, unzipCheckpoint(previousValue)).map((k) => [k, 0]) : []);
      } catch (err) {
        if (!(err instanceof MissingPart)) throw err;
        // A part dropped by a head that landed meanwhile (the previous owner's last checkpoint): read the
        // new head.
        const now = await state.get(stateKey(this.unit)).catch(() => null);
        if (attempt < 3 && now && now.revision !== entry.revision) return this.open(attempt + 1);
        // The head names a part that is gone: fall back to the checkpoint before it, whose parts are kept
        // until the head after next, and replay the reports since (the same reports give the same state and
        // the same event ids); else, while the stream still holds every report, start over from its first.
        // Never go on from a state with a part missing.
        const restored = await fallBack(ctx, err, previousValue, firstSeq);
        from = restored ? this.adopt(restored) : null;
        this.previousPartKeys = new Map(partNames(this.unit, unzipCheckpoint(entry.value)).map((k) => [k, 0]));
      }
      this.stateRevision = entry.revision;
    } else {
      this.stateRevision = 0;
      this.previousPartKeys = new Map();
    }
    if (!from) {
      this.usePorts(await readPorts(this.client, this.unit, []));
      this.partKeys = new Map();
      this.runner = new DetectionRunner(this.runnerOptions());
      this.lastSeq = 0;
      this.order = new InputOrder();
      this.headValue = null;
    }
    // Not now: the previous owner may be between its parts and its head, and that head lands if it comes
    // before this owner's first (the head is written over the revision read).
    this.sweepPending = true;
    // The stream's limits (max age, max bytes) removed reports this unit never read: it cannot have them
    // back, so it goes on from the oldest one kept, and says how many it lost (its events may then differ
    // from one process's). Never the case while units keep up within the limits.
    if (firstSeq > this.lastSeq + 1 && (this.lastSeq > 0 || firstSeq > 1)) {
      this.log(`unit ${this.unit}: stream sequences ${this.lastSeq + 1}–${firstSeq - 1} were removed by the stream's limits before this unit read them; going on from ${firstSeq}`);
      this.lastSeq = firstSeq - 1;
    }
    const restoredMs = Date.now() - t0;
    await recreateConsumer(jsm.consumers, this.unit, this.lastSeq, this.log);
    this.log(`unit ${this.unit}: started after stream sequence ${this.lastSeq} (state restored in ${restoredMs} ms, consumer re-created in ${Date.now() - t0 - restoredMs} ms)`);
  }

  /** Takes the state a checkpoint left (src/cluster/unit-restore.ts). */
  private adopt(r: RestoredUnit): Checkpoint {
    this.usePorts(r.ports);
    this.partKeys = r.partKeys;
    this.runner = r.runner;
    this.lastSeq = r.cp.seq;
    this.order = r.order;
    this.headValue = r.headValue;
    return r.cp;
  }

  private runnerOptions(): RunnerOptions {
    return unitRunnerOptionsWith(this.unit, this.client, this.ports);
  }

  private usePorts(p: UnitPorts): void {
    this.portRefs = p.refs;
    this.portMessages = p.messages;
    this.ports = p.areas;
  }

  /** A new input's stops: the port areas are learned again over every input's stops, and the runner
   *  goes on with its state under them (events it completed so far are out first). */
  private learnPorts(m: PortsMessage, seq: number): void {
    for (const e of this.runner.take().events) this.outbox.push({ e, msgId: e.id });
    const state = this.runner.snapshot();
    this.portRefs.push(m.key ?? seq);
    this.portMessages.push(m);
    this.ports = portAreasFrom(mergePorts(this.portMessages)).areas;
    this.runner = DetectionRunner.restore(state, this.runnerOptions());
  }

  /** Consumes until stopped; a report out of sequence (one delivered to a failed pull) restarts the unit
   *  from its checkpoint, so reports are never skipped nor taken out of order. */
  private async run(): Promise<void> {
    while (!this.stopped) {
      let resync = false;
      let messages: Awaited<ReturnType<JsConsumer['consume']>> | null = null;
      try {
        const consumer = await this.client.js.consumers.get(REPORTS_STREAM, consumerName(this.unit));
        messages = await consumer.consume({ max_messages: CLUSTER_PARAMS.fetchBatch, expires: 5_000 });
        this.messages = messages;
        if (this.stopped) messages.stop(); // stopped before the consumer was there: nothing else would end it
        const lost = this.watch(messages);
        for await (const m of messages) {
          if (this.stopped) break;
          if (m.seq <= this.lastSeq) { // again after a restart: already in the checkpoint
            m.ack();
            continue;
          }
          if (m.seq !== this.lastSeq + 1) {
            this.log(`unit ${this.unit}: report ${m.seq} after ${this.lastSeq}; restarting from the checkpoint`);
            resync = true;
            break;
          }
          this.process(m);
          if (this.unacked >= CLUSTER_PARAMS.checkpointEveryReports) {
            // Flow control: a second checkpoint's worth waits for the one being written.
            if (this.checkpointing) await this.checkpointing;
            else this.startCheckpoint();
          }
          // Let timers run (lease renewal, event publishing): a long buffer is otherwise one microtask run.
          if (this.reports % 256 === 0) await new Promise((r) => setImmediate(r));
        }
        if (lost.why && !this.stopped) {
          this.log(`unit ${this.unit}: consumer lost (${lost.why}); re-creating it from the checkpoint`);
          resync = true;
        }
      } catch (err) {
        if (this.stopped) break;
        this.log(`unit ${this.unit}: ${(err as Error).message}; restarting from the checkpoint`);
        resync = true;
      } finally {
        messages?.stop();
      }
      if (resync && !this.stopped) {
        await this.settled();
        await this.reopen();
      }
    }
  }

  /** The watchdog of an unreplicated consumer: its node lost (heartbeats missed while a pull waits) or the
   *  consumer gone ends the messages, and `why` says so (the caller re-creates it from the checkpoint). */
  private watch(messages: Awaited<ReturnType<JsConsumer['consume']>>): { why: string } {
    const lost = { why: '' };
    void (async () => {
      for await (const s of messages.status()) {
        if (s.type === 'heartbeats_missed' && s.count >= CLUSTER_PARAMS.consumerLostHeartbeats) lost.why = `${s.count} heartbeats missed`;
        else if (s.type === 'consumer_not_found' || s.type === 'consumer_deleted') lost.why = s.type.replace('_', ' ');
        else continue;
        messages.stop();
        return;
      }
    })().catch(() => undefined);
    return lost;
  }

  /** open() again after a failure of the consumer, retried while the cluster cannot answer (a node lost, a
   *  leader being elected): a failure here once ended the unit's loop for good, unseen, while the worker
   *  kept renewing its lease. Failing past the publish retry time gives the unit up (its lease goes). */
  private async reopen(): Promise<void> {
    const first = Date.now();
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        await this.open();
        return;
      } catch (err) {
        if (this.stopped) return;
        if (Date.now() - first > CLUSTER_PARAMS.publishRetryMs) {
          this.giveUp(err as Error);
          return;
        }
        this.log(`unit ${this.unit}: restarting from the checkpoint failed (${(err as Error).message}); retrying`);
        await new Promise((r) => setTimeout(r, Math.min(2_000, 100 * 2 ** attempt)));
      }
    }
  }

  private giveUp(err: Error): void {
    if (this.failed) return;
    this.log(`unit ${this.unit}: ${err.message}; giving the unit up`);
    this.failed = true;
    this.stopped = true;
    this.messages?.stop();
  }

  private process(m: JsMsg): void {
    for (const x of this.order.accept({ r: decodeReport(m.data), seq: m.seq })) this.apply(x);
    this.reports++;
    this.lastSeq = m.seq;
    this.unacked++;
    this.lastUnacked = m;
  }
  /** One message in its input's order. */
  private apply({ r, seq }: Sequenced): void {
    if (r.k === 'p') this.runner.pushPosition(r.p);
    else if (r.k === 's') this.runner.pushStatic(r.s);
    else if (r.k === 'ports') this.learnPorts(r, seq);
    else if (r.k === 'end') this.flushCopy(seq);
  }

  /** End of an input: the open events as of now, from a copy (the unit itself goes on for later input). */
  private flushCopy(seq: number): void {
    for (const e of this.runner.take().events) this.outbox.push({ e, msgId: e.id });
    const copy = DetectionRunner.restore(this.runner.snapshot(), this.runnerOptions());
    copy.flush();
    for (const e of copy.take().events) this.outbox.push({ e, msgId: `${e.id}@end.${seq}` });
  }

  /** Hands the events completed so far to the publisher (Nats-Msg-Id = event id); the returned promise
   *  settles once the server has stored them (and every earlier window). */
  private sendEvents(): Promise<void> {
    for (const e of this.runner.take().events) this.outbox.push({ e, msgId: e.id });
    if (this.outbox.length === 0) return this.sending;
    const subject = eventSubject(this.unit);
    const batch = this.outbox.splice(0).map(({ e, msgId }) => ({ subject, data: JSON.stringify(e), msgId }));
    this.sending = this.sending.then(async () => {
      if (!this.failed) await publishWindow(this.client.js, batch, this.log);
    });
    this.sending.catch((err: Error) => this.giveUp(err));
    return this.sending;
  }

  /**
   * Captures the state now (the only part on the event loop: the snapshot and its JSON), then in the
   * background: awaits the events completed so far, compresses, writes the state to KV and acks the
   * reports it covers. A crash before the write replays them from the previous checkpoint.
   */
  private startCheckpoint(): void {
    if (this.checkpointing || this.failed) return;
    const t0 = performance.now();
    const published = this.sendEvents();
    const { head, parts } = splitState(this.runner.snapshot());
    const json = JSON.stringify({
      seq: this.lastSeq, ports: this.portRefs, order: this.order.snapshot(), runner: head, parts: parts.map((p) => [p.name, p.hash]),
    } satisfies Checkpoint);
    const keys = new Set(parts.map((p) => partKey(this.unit, p)));
    const changed = parts.filter((p) => !this.partKeys.has(partKey(this.unit, p)));
    const last = this.lastUnacked;
    const seq = this.lastSeq;
    this.unacked = 0;
    this.lastUnacked = null;
    const captureMs = performance.now() - t0;
    const bytes = json.length + parts.reduce((n, p) => n + p.json.length, 0);
    this.stateBytes = bytes;
    // A long capture holds every unit of this worker (one event loop): say so, for the latency it adds.
    if (captureMs >= CLUSTER_PARAMS.slowCaptureLogMs) {
      this.log(`unit ${this.unit}: checkpoint capture took ${Math.round(captureMs)} ms (${(bytes / 1e6).toFixed(1)} MB of state, ${changed.length} of ${parts.length} parts changed)`);
    }
    this.checkpointGapMs = Math.max(CLUSTER_PARAMS.checkpointEveryMs, captureMs / CLUSTER_PARAMS.checkpointCaptureShare);
    this.checkpointing = (async () => {
      const times: Array<[string, number]> = [['start', Date.now()]];
      const mark = (what: string) => times.push([what, Date.now()]);
      await published;
      mark('events');
      // The changed parts first, each under a key named by its content (never overwritten), then the head
      // that names them: a crash in between leaves the previous head whole.
      let bytes = 0;
      const written = new Map<string, number>();
      // Beside them, the checkpoint this state stems from becomes the previous one (a restore's fallback; it
      // is whole already). Conditional on its revision, like the head: a worker that lost this unit's lease
      // cannot overwrite the new owner's.
      const previousBytes = this.headValue?.length ?? 0;
      const previous = this.headValue ? writeState(this.client.state, previousKey(this.unit), this.headValue, this.previousRevision) : null;
      await Promise.all([previous, ...changed.map(async (p) => {
        const value = await gzipAsync(p.json);
        if (value.length > CLUSTER_PARAMS.maxStateBytes) throw new Error(`unit ${this.unit}: checkpoint part ${p.name} of ${value.length} bytes exceeds ${CLUSTER_PARAMS.maxStateBytes}`);
        const key = partKey(this.unit, p);
        written.set(key, await putRetried(this.client.state, key, value));
        bytes += value.length;
      })]);
      if (previous) this.previousRevision = await previous;
      mark('parts');
      const value = await gzipAsync(json);
      if (value.length > CLUSTER_PARAMS.maxStateBytes) throw new Error(`unit ${this.unit}: checkpoint of ${value.length} bytes exceeds ${CLUSTER_PARAMS.maxStateBytes}`);
      // Optimistic concurrency: a worker that lost this unit's lease cannot overwrite the new owner's state.
      this.stateRevision = await writeState(this.client.state, stateKey(this.unit), value, this.stateRevision);
      this.headValue = value;
      mark('head');
      // AckPolicy.All: covers every report before it. Confirmed by the server, tried again if not: an ack sent
      // while the consumer's leader was lost with its node is dropped, and the reports after the previous ack
      // would stay unacknowledged until the ack wait (60 s) redelivers them.
      if (last) await ackConfirmed(last, this.client.nc);
      this.lastCheckpointMs = Date.now();
      this.checkpointBytes += bytes + value.length + previousBytes;
      this.checkpoints++;
      // The parts of the checkpoint before the previous one, unless either of the two kept names them.
      const stale = [...this.previousPartKeys].filter(([k]) => !keys.has(k) && !this.partKeys.has(k));
      this.previousPartKeys = this.partKeys;
      this.partKeys = new Map([...keys].map((k) => [k, written.get(k) ?? this.partKeys.get(k)!]));
      await removeStateMessages(this.client, stale.filter(([, seq]) => seq > 0).map(([, seq]) => seq));
      await removeStateKeys(this.client, stale.filter(([, seq]) => seq === 0).map(([k]) => k), this.stateRevision);
      if (this.sweepPending) {
        this.sweepPending = false;
        // Only messages older than this head: no head can land over it naming them, whereas a part written
        // since may be a later owner's (keys are content), for a head of its own.
        await removeStateKeys(this.client, await this.unreadParts(), this.stateRevision);
      }
      mark('removals');
      // A checkpoint holds the next one back (and, past a checkpoint's worth of reports, processing): say
      // where a slow one spent its time.
      if (Date.now() - times[0]![1] >= CLUSTER_PARAMS.slowCheckpointLogMs) {
        this.log(`unit ${this.unit}: checkpoint at stream sequence ${seq} took ${Date.now() - times[0]![1]} ms (${times.slice(1).map(([w, t], i) => `${w} ${t - times[i]![1]}`).join(', ')} ms)`);
      }
    })().catch((err: Error) => this.giveUp(err)).finally(() => { this.checkpointing = null; });
  }

  /** This unit's parts in the bucket that its head does not read: written by a checkpoint whose head never
   *  landed (a crash, a lost lease), or dropped by a previous owner that did not get to remove them. */
  private async unreadParts(): Promise<string[]> {
    // The keys from one stream-info request (the bucket's subjects under this unit's parts), bounded: not a
    // key listing, a consumer that can wait for a message that went meanwhile (worker.ts, liveEntries), and
    // this runs inside a checkpoint — while it waits, no later checkpoint starts.
    const subjects = `$KV.${STATE_BUCKET}.`;
    try {
      const info = await withTimeout(this.client.jsm.streams.info(`KV_${STATE_BUCKET}`, { subjects_filter: `${subjects}unit.${this.unit}.part.>` }), CLUSTER_PARAMS.partListingMs);
      return Object.keys(info.state.subjects ?? {}).map((s) => s.slice(subjects.length)).filter((k) => !this.partKeys.has(k) && !this.previousPartKeys.has(k));
    } catch {
      return []; // best effort: a part left behind costs space, not correctness
    }
  }
}
