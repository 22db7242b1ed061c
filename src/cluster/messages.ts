// The cluster's messages: a report (position or static) per message as compact JSON, its dedup key
// (hashed, the Nats-Msg-Id), the stops an input's ports are learned from, and the end-of-input marker.
import { createHash } from 'node:crypto';
import type { Position } from '../tracks/position.js';
import type { StaticReport } from '../detectors/detector.js';
import type { StopScan } from '../anchorages/collect.js';
import type { Stop } from '../anchorages/stationary.js';

/** The publisher's input id and the message's place in that input (src/cluster/input-order.ts). */
export interface Numbered {
  i?: string;
  n?: number;
}

export type ReportMessage = Numbered & (
  | { k: 'p'; p: Position }
  | { k: 's'; s: StaticReport }
  /** The stops of a published input (sent before its reports): units learn their port areas from every
   *  such message, as `tumen detect` learns them from the store's stops. A stop is
   *  [mmsi, startMs, endMs, lat, lon, positions]. */
  | { k: 'ports'; stops: Array<[number, number, number, number, number, number]>; firstMs: number | null; lastMs: number | null;
    /** Where the publisher also put these stops, gzipped, in the state bucket (`ports.<sha256>`): a unit's
     *  checkpoint names the key and restores from it, so the reports stream may age this message out.
     *  Absent from older publishers: such a message is read back from the stream by its sequence. */
    key?: string }
  /** End of a published input (`tumen ingest FILE --to`): units emit their open events as of now. */
  | { k: 'end' }
  /** Places `n` of input `i` the server dropped as duplicates (sent before): nothing to wait for there. */
  | { k: 'skip'; ranges: Array<[number, number]> }
);

const enc = new TextEncoder();
const dec = new TextDecoder();

export function encodeReport(m: ReportMessage): Uint8Array {
  return enc.encode(JSON.stringify(m));
}

export function decodeReport(data: Uint8Array): ReportMessage {
  return JSON.parse(dec.decode(data)) as ReportMessage;
}

/** The same report received twice (two stations, a re-sent file) has the same key: the server keeps one. */
export function positionKey(p: Position): string {
  return `p.${p.mmsi}.${p.timeMs}.${p.lat}.${p.lon}.${p.speedKn}.${p.courseDeg}.${p.headingDeg}.${p.status}.${p.source}`;
}

/** The Nats-Msg-Id of a report: its dedup key's SHA-256, the first 22 base64url characters (132 bits). Every NATS node keeps
 *  the ids of the duplicate window in memory and every stored message carries its id to every unit: the
 *  key itself (~80 characters) made both about three times as large. */
export function reportMsgId(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 22);
}

export function staticKey(s: StaticReport): string {
  return `s.${s.mmsi}.${s.timeMs}.${s.imo}.${s.shipname}.${s.callsign}.${s.shiptype}.${s.draughtM}.${s.destination}`;
}

/** KV key (state bucket) of an input's stops, from their content: an input sent twice has one key. */
export const portsKey = (hash: string): string => `ports.${hash}`;

export function encodePorts(scan: Omit<StopScan, 'positions'>): Extract<ReportMessage, { k: 'ports' }> {
  return { k: 'ports', stops: scan.stops.map((s) => [s.mmsi, s.startMs, s.endMs, s.lat, s.lon, s.positions]), firstMs: scan.firstMs, lastMs: scan.lastMs };
}

/** The union of the stops of several inputs, over their joint span. */
export function mergePorts(messages: ReadonlyArray<Extract<ReportMessage, { k: 'ports' }>>): StopScan {
  const stops: Stop[] = [];
  let firstMs: number | null = null, lastMs: number | null = null;
  for (const m of messages) {
    for (const [mmsi, startMs, endMs, lat, lon, positions] of m.stops) stops.push({ mmsi, startMs, endMs, lat, lon, positions });
    if (m.firstMs !== null) firstMs = firstMs === null ? m.firstMs : Math.min(firstMs, m.firstMs);
    if (m.lastMs !== null) lastMs = lastMs === null ? m.lastMs : Math.max(lastMs, m.lastMs);
  }
  return { stops, firstMs, lastMs, positions: 0 };
}
