// The cluster's messages: a report (position or static) per message as compact JSON, its dedup key
// (the Nats-Msg-Id), and the end-of-input marker.
import type { Position } from '../tracks/position.js';
import type { StaticReport } from '../detectors/detector.js';

export type ReportMessage =
  | { k: 'p'; p: Position }
  | { k: 's'; s: StaticReport }
  /** End of a published input (`tumen ingest FILE --to`): units emit their open events as of now. */
  | { k: 'end' };

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

export function staticKey(s: StaticReport): string {
  return `s.${s.mmsi}.${s.timeMs}.${s.imo}.${s.shipname}.${s.callsign}.${s.shiptype}.${s.draughtM}.${s.destination}`;
}
