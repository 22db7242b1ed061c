// Publishing reports to the cluster (`tumen ingest FILE --to nats://…`): each report to its partition's
// subject with Nats-Msg-Id = a hash of its dedup key, so a report received by two stations or a file sent twice
// within the duplicate window is stored once; then an end-of-input marker. Windows are published in order
// and retried through a NATS node loss (src/cluster/publish-retry.ts).
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { nuid } from '@nats-io/transport-node';
import type { Position } from '../tracks/position.js';
import type { StaticReport } from '../detectors/detector.js';
import type { ReportSink } from '../detectors/pipeline.js';
import type { ClusterClient } from './connect.js';
import type { StopScan } from '../anchorages/collect.js';
import { encodePorts, encodeReport, portsKey, positionKey, reportMsgId, staticKey, type ReportMessage } from './messages.js';
import { putRetried } from './state-write.js';
import { END_SUBJECT, partitionOf, PORTS_SUBJECT, reportSubject, SKIP_SUBJECT } from './params.js';
import { publishWindow, type Outgoing } from './publish-retry.js';

export class ReportPublisher implements ReportSink {
  private window: Array<Outgoing & { n: number }> = [];
  /** This input's id and the next message's place in it: units restore the input's order from them. */
  private readonly input = nuid.next();
  private n = 0;
  readonly stats = { published: 0, duplicates: 0, retries: 0 };

  constructor(private readonly client: ClusterClient, private readonly log?: (line: string) => void) {}

  pushPosition(p: Position): void {
    this.stats.published++;
    this.numbered(reportSubject(partitionOf(p.mmsi, this.client.partitions)), { k: 'p', p }, reportMsgId(positionKey(p)));
  }

  pushStatic(s: StaticReport): void {
    this.stats.published++;
    this.numbered(reportSubject(partitionOf(s.mmsi, this.client.partitions)), { k: 's', s }, reportMsgId(staticKey(s)));
  }

  /** The input's stops, before its reports: the units learn their port areas from them (an input sent
   *  again within the duplicate window is dropped, stops included). */
  async ports(scan: Omit<StopScan, 'positions'>): Promise<void> {
    const m = encodePorts(scan);
    const key = portsKey(createHash('sha256').update(encodeReport(m)).digest('hex'));
    // In the state bucket first: units restore their port areas from it, never from the stream (which may
    // age the message out: docs/cluster.md, "Retention").
    await putRetried(this.client.state, key, gzipSync(encodeReport(m)));
    this.numbered(PORTS_SUBJECT, { ...m, key }, key);
    await this.settle();
  }

  /** Publishes what was pushed since the last call and awaits the server's acks, in order, retrying
   *  through a leader election (flow control: callers settle every batch). */
  async settle(): Promise<void> {
    if (this.window.length === 0) return;
    const sent = this.window.splice(0);
    const r = await publishWindow(this.client.js, sent, this.log);
    const skipped: Array<[number, number]> = [];
    r.acks.forEach((a, k) => {
      if (!a.duplicate) return;
      this.stats.duplicates++;
      const n = sent[k]!.n;
      const last = skipped.at(-1);
      if (last && last[1] === n - 1) last[1] = n;
      else skipped.push([n, n]);
    });
    // Units wait for each place of this input in order: name those the server dropped.
    if (skipped.length > 0) await publishWindow(this.client.js, [{ subject: SKIP_SUBJECT, data: encodeReport({ k: 'skip', ranges: skipped, i: this.input }), msgId: `skip.${this.input}.${sent[0]!.n}` }], this.log);
    this.stats.retries += r.retries;
  }

  /** Settles, then marks the end of this input: units emit the events still open, as `tumen detect` does. */
  async end(): Promise<void> {
    await this.settle();
    this.numbered(END_SUBJECT, { k: 'end' }, `end.${this.input}`);
    await this.settle();
  }

  private numbered(subject: string, m: ReportMessage, msgId: string): void {
    const n = this.n++;
    this.window.push({ subject, data: encodeReport({ ...m, i: this.input, n }), msgId, n });
  }
}
