// The decoder's public contract: what one input line becomes. Field names follow gpsd's scaled AIS JSON.

/** One decoded AIS message: gpsd scaled field names and units (speed kn, lat/lon degrees, draught m). */
export interface AisMessage {
  type: number;
  repeat: number;
  mmsi: number;
  [field: string]: unknown;
}

/** Reception metadata carried by the line (tag block, $PGHP, USCG or exactEarth trailing fields). */
export interface LineMeta {
  /** Reception time, epoch milliseconds UTC; null when the line carries none. */
  timeMs: number | null;
  /** Receiving station (tag block `s:`, USCG `r…`, $PGHP shore station); null when unknown. */
  station: string | null;
  /** Terrestrial or satellite reception, when the framing tells; null otherwise. */
  source: 'terrestrial' | 'satellite' | null;
  /**
   * The provider's arrival time when the line also carries an observation time (exactEarth: a trailing
   * epoch after a $PGHP header); epoch milliseconds, else null.
   */
  arrivalMs: number | null;
}

export type RejectReason =
  | 'checksum'
  | 'framing'
  | 'truncated'
  | 'unknown_type'
  | 'incomplete_multipart'
  | 'out_of_range'
  /** A time outside the plausible window (AisDecoderOptions minTimeMs/maxTimeMs), or unreadable. */
  | 'bad_time';

/**
 * Accepted lines with a quirk, counted on the side (a line counted here is also a message or fragment):
 * tag block checksum over the block without its g: field (Kystverket), tag block without "*hh",
 * an extra field between the fill bits and the checksum (Navico GoFree).
 */
export type DecodeWarning = 'tagblock_checksum_variant' | 'tagblock_no_checksum' | 'extra_field';
export const DECODE_WARNINGS: readonly DecodeWarning[] = ['tagblock_checksum_variant', 'tagblock_no_checksum', 'extra_field'];

export type SkipReason = 'blank' | 'comment' | 'non_ais';

export type DecodeResult =
  /** payload = armoured payload (joined for multipart); used for dedup. */
  | { kind: 'message'; message: AisMessage; meta: LineMeta; payload: string }
  | { kind: 'fragment' }
  | { kind: 'skip'; reason: SkipReason }
  | { kind: 'reject'; reason: RejectReason; detail: string };

export type DecodeCountKey = RejectReason | SkipReason | 'message' | 'fragment';

export const REJECT_REASONS: readonly RejectReason[] = [
  'checksum', 'framing', 'truncated', 'unknown_type', 'incomplete_multipart', 'out_of_range', 'bad_time',
];
export const SKIP_REASONS: readonly SkipReason[] = ['blank', 'comment', 'non_ais'];
