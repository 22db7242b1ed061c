// Publishing reports to the cluster (`tumen ingest FILE --to nats://…`): each report to its partition's
// subject with Nats-Msg-Id = its dedup key, so a report received by two stations or a file sent twice
// within the duplicate window is stored once; then an end-of-input marker.
import { createHash } from 'node:crypto';
import type { PubAck } from '@nats-io/jetstream';
import { nuid } from '@nats-io/transport-node';
import type { Position } from '../tracks/position.js';
import type { StaticReport } from '../detectors/detector.js';
import type { ReportSink } from '../detectors/pipeline.js';
import type { ClusterClient } from './connect.js';
import type { StopScan } from '../anchorages/collect.js';
import { encodePorts, encodeReport, positionKey, staticKey } from './messages.js';
import { END_SUBJECT, partitionOf, PORTS_SUBJECT, reportSubject } from './params.js';

/** A loaded machine can take seconds to ack a replicated write: not a reason to fail an ingest. */
const PUBLISH_TIMEOUT_MS = 60_000;

export class ReportPublisher implements ReportSink {
  private inflight: Array<Promise<PubAck>> = [];
  readonly stats = { published: 0, duplicates: 0 };

  constructor(private readonly client: ClusterClient) {}

  pushPosition(p: Position): void {
    this.send(reportSubject(partitionOf(p.mmsi, this.client.partitions)), encodeReport({ k: 'p', p }), positionKey(p));
  }

  pushStatic(s: StaticReport): void {
    this.send(reportSubject(partitionOf(s.mmsi, this.client.partitions)), encodeReport({ k: 's', s }), staticKey(s));
  }

  /** The input's stops, before its reports: the units learn their port areas from them (an input sent
   *  again within the duplicate window is dropped, stops included). */
  async ports(scan: Omit<StopScan, 'positions'>): Promise<void> {
    const data = encodeReport(encodePorts(scan));
    const id = `ports.${createHash('sha256').update(data).digest('hex')}`;
    await this.client.js.publish(PORTS_SUBJECT, data, { msgID: id, timeout: PUBLISH_TIMEOUT_MS });
  }

  /** Awaits the server's acks of everything sent so far (flow control: callers settle every batch). */
  async settle(): Promise<void> {
    const acks = await Promise.all(this.inflight.splice(0));
    for (const a of acks) if (a.duplicate) this.stats.duplicates++;
  }

  /** Settles, then marks the end of this input: units emit the events still open, as `tumen detect` does. */
  async end(): Promise<void> {
    await this.settle();
    await this.client.js.publish(END_SUBJECT, encodeReport({ k: 'end' }), { msgID: `end.${nuid.next()}`, timeout: PUBLISH_TIMEOUT_MS });
  }

  private send(subject: string, data: Uint8Array, id: string): void {
    this.stats.published++;
    this.inflight.push(this.client.js.publish(subject, data, { msgID: id, timeout: PUBLISH_TIMEOUT_MS }));
  }
}
