// The shared, frozen results a line decodes to when it carries no message of its own.
import type { DecodeResult, RejectReason } from './types.js';

export const SKIP_BLANK: DecodeResult = { kind: 'skip', reason: 'blank' };
export const SKIP_COMMENT: DecodeResult = { kind: 'skip', reason: 'comment' };
export const SKIP_NON_AIS: DecodeResult = { kind: 'skip', reason: 'non_ais' };
export const FRAGMENT: DecodeResult = { kind: 'fragment' };

/** Returned for a reception the takePosition option took (counted as a message). */
export const TAKEN_POSITION: DecodeResult = Object.freeze({
  kind: 'message', message: Object.freeze({ type: 0, repeat: 0, mmsi: 0 }), meta: Object.freeze({ timeMs: null, station: null, source: null, arrivalMs: null }), payload: '',
}) as DecodeResult;

/** Returned by decodeLineInto() when the message went straight into the caller's buffer. */
export const WRITTEN: DecodeResult = Object.freeze({
  kind: 'message', message: Object.freeze({ type: 0, repeat: 0, mmsi: 0 }), meta: Object.freeze({ timeMs: null, station: null, source: null, arrivalMs: null }), payload: '',
}) as DecodeResult;

export function reject(reason: RejectReason, detail: string): DecodeResult {
  return { kind: 'reject', reason, detail };
}
