// Public API of the AIS decoder (core, no I/O).
export type { AisMessage, LineMeta, RejectReason, SkipReason, DecodeResult, DecodeCountKey, DecodeWarning } from './types.js';
export { REJECT_REASONS, SKIP_REASONS, DECODE_WARNINGS } from './types.js';
export { AisDecoder, TAKEN_POSITION, WRITTEN, type AisDecoderOptions } from './decoder.js';
export type { PositionFields } from './compile.js';
export { NAV_STATUS_TEXT, epfdText, shiptypeText } from './lookups.js';
export { messageToJson, readPositionReport, writeMessageJsonOpen } from './message.js';
export { writeString, writeValue, writeInt } from './json-bytes.js';
