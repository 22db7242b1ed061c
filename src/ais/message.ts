// Turns a de-armoured payload into an AisMessage, or says why it cannot.
import type { Payload } from './bits.js';
import { compileByteWriter, writeValue, writeString, type ByteWriter } from './json-bytes.js';
import {
  compileDirectWriter, compileFields, compilePositionReader, compileSerializer, type CompiledMessage, type CompiledSerializer, type DirectJsonWriter,
  type PositionFields, type PositionReader,
} from './compile.js';
import { MESSAGE_SPECS, type MessageSpec } from './messages.js';
import type { AisMessage, RejectReason } from './types.js';

export type PayloadOutcome =
  | { ok: true; message: AisMessage }
  | { ok: false; reason: RejectReason; detail: string };

/**
 * `build(spec)` for a message type, made when first asked and once per distinct spec: types sharing a spec
 * (1/2/3, 4/11 …) share one generated function, so V8 profiles and optimises it once (TurboFan compiling each
 * copy of these large functions was a good part of a short file's decode time); and a run pays only for the
 * types it meets (generating every table for every type up front was ~15 ms of each command's start-up).
 */
function perSpec<T>(build: (spec: MessageSpec) => T | undefined): (type: number) => T | undefined {
  const byType: Array<T | undefined | null> = MESSAGE_SPECS.map(() => null); // null: not built yet
  const bySpec = new Map<MessageSpec, T | undefined>();
  return (type) => {
    const known = byType[type];
    if (known !== null) return known; // also undefined for types beyond the table
    const spec = MESSAGE_SPECS[type];
    let made: T | undefined;
    if (spec === undefined) made = undefined;
    else if (bySpec.has(spec)) made = bySpec.get(spec);
    else {
      made = build(spec);
      bySpec.set(spec, made);
    }
    byType[type] = made;
    return made;
  };
}

/** Each type's field table compiled once into a specialised builder. */
const compiled = perSpec<CompiledMessage>((spec) => compileFields(spec.fields));
const state: { bad: string | null } = { bad: null };
const serializer = perSpec<CompiledSerializer>((spec) => compileSerializer(spec.fields, spec.extra !== undefined));

/**
 * The message as JSON, identical to JSON.stringify(message) for messages this decoder built (its key order
 * and values), several times faster. Falls back to JSON.stringify for anything else.
 */
export function messageToJson(message: AisMessage): string {
  const ser = serializer(message.type);
  return ser !== undefined ? ser(message) : JSON.stringify(message);
}

const byteWriter = perSpec<ByteWriter>((spec) => compileByteWriter(spec.fields, spec.extra !== undefined));

/**
 * Writes the message as JSON into `b` at `p` WITHOUT the closing '}', so that callers can append fields
 * (e.g. station and time) before closing it; returns the new position. The bytes equal
 * JSON.stringify(message) minus its last '}'. `b` needs room: 16 KiB covers the longest AIS message.
 */
export function writeMessageJsonOpen(message: AisMessage, b: Uint8Array, p: number): number {
  const w = byteWriter(message.type);
  if (w !== undefined) return w(message, b, p);
  // Not built by this decoder: generic walk.
  b[p++] = 123;
  let first = true;
  for (const [k, v] of Object.entries(message)) {
    if (v === undefined) continue;
    if (!first) b[p++] = 44;
    first = false;
    p = writeString(b, p, k);
    b[p++] = 58;
    p = writeValue(b, p, v);
  }
  return p;
}

/** Types whose JSON can be written straight from the bits (no extra code, or none at that length). */
const directWriter = perSpec<DirectJsonWriter>((spec) =>
  (spec.extra === undefined || spec.extraOnlyBelowBits !== undefined ? compileDirectWriter(spec.fields) : undefined));

/**
 * Writes the payload's message as JSON (without the closing '}') into `b` at `p` when that can be done
 * straight from the bits; returns the new position, or -1 when the caller must decode it the ordinary way
 * (other types, rejects). Output identical to writeMessageJsonOpen(decoded message).
 */
export function writePayloadJsonOpen(pl: Payload, b: Uint8Array, p: number): number {
  const six = pl.six;
  const bitLen = pl.bitLen;
  if (bitLen < 38) return -1;
  const type = six[0];
  const spec = MESSAGE_SPECS[type];
  const direct = directWriter(type);
  if (spec === undefined || direct === undefined || bitLen < spec.minBits) return -1;
  if (spec.extraOnlyBelowBits !== undefined && bitLen < spec.extraOnlyBelowBits) return -1;
  return direct(six, bitLen, b, p);
}

const positionReader = perSpec<PositionReader>((spec) => compilePositionReader(spec.fields));

/**
 * The fields a store keeps of a one-sentence class A or B position report (type 1, 2, 3 or 18 of exactly 168
 * bits, as the decoder's takePosition option offers them) read into `out` without building the message;
 * false when it must be decoded the ordinary way (it would be rejected, or keeps no position). Equal to
 * decodePayload()'s fields where true.
 */
export function readPositionReport(six: Uint8Array, out: PositionFields): boolean {
  const type = six[0];
  if (type !== 18 && (type < 1 || type > 3)) return false;
  return (positionReader(type) as PositionReader)(six, 168, out);
}

/** Bits every message carries: type (6), repeat indicator (2), MMSI (30). */
const HEADER_BITS = 38;

/** Reused for every success: the caller takes `message` at once (saves an allocation per message). */
const success: { ok: true; message: AisMessage } = { ok: true, message: { type: 0, repeat: 0, mmsi: 0 } };

export function decodePayload(p: Payload): PayloadOutcome {
  const six = p.six;
  const bitLen = p.bitLen;
  if (bitLen < 6) return { ok: false, reason: 'truncated', detail: `payload of ${bitLen} bits` };
  const type = six[0];
  const spec = type < MESSAGE_SPECS.length ? MESSAGE_SPECS[type] : undefined;
  if (spec === undefined) return { ok: false, reason: 'unknown_type', detail: `message type ${type}` };
  if (bitLen < HEADER_BITS || bitLen < spec.minBits) {
    return { ok: false, reason: 'truncated', detail: `type ${type} with ${bitLen} bits (needs ${Math.max(HEADER_BITS, spec.minBits)})` };
  }
  const message: AisMessage = (compiled(type) as CompiledMessage)(six, bitLen, state);
  let bad = state.bad;
  if (spec.extra !== undefined) {
    const extraBad = spec.extra(six, bitLen, message);
    if (bad === null) bad = extraBad;
  }
  if (message.mmsi === 0) return { ok: false, reason: 'out_of_range', detail: `type ${type}: mmsi 0` };
  if (bad === 'length') {
    // Type 25/26: fewer bits than its addressing, application id and radio fields take.
    return { ok: false, reason: 'truncated', detail: `type ${type} with ${bitLen} bits: too short for its destination, application id and radio fields` };
  }
  if (bad !== null) {
    const value = message[bad];
    return { ok: false, reason: 'out_of_range', detail: `type ${type} mmsi ${message.mmsi}: ${bad} ${JSON.stringify(value)}` };
  }
  success.message = message;
  return success;
}
