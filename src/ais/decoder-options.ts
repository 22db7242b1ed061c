// The line decoder's options and limits: every bound on what one input line may hold, in one place.

export interface AisDecoderOptions {
  /** A multipart message whose first fragment is older than this (in line time) is dropped. Default 60 s. */
  fragmentTimeoutMs?: number;
  /** At most this many multipart messages are waiting for fragments; the oldest is dropped. Default 1000. */
  maxPendingFragments?: number;
  /** A multipart message still incomplete this many lines after its first fragment is dropped. Default 2000. */
  fragmentTimeoutLines?: number;
  /** Return the armoured payload with each message (for de-duplication). Default true; off saves a string. */
  keepPayload?: boolean;
  /**
   * Plausible times, epoch ms: a message timed outside [minTimeMs, maxTimeMs] (or by an unreadable tag block
   * c: or $PGHP date) is rejected as bad_time. Defaults: 1990-01-01 and the end of JavaScript's date range
   * (the core has no clock: callers pass "now + 1 day", see src/ingest/time-window.ts).
   */
  minTimeMs?: number;
  maxTimeMs?: number;
  /**
   * Asked before the fields of a one-sentence class A or B position report (types 1-3, 18: 168 bits) with a
   * plausible time of its own are decoded: true when the caller took the reception — it already holds this
   * payload (`text[start, end)`) as a position within its duplicate window and merged the reception (same
   * payload, same bits: the fields would be the same), or it read what it keeps straight from the
   * de-armoured payload `six` (readPositionReport). The line then decodes to TAKEN_POSITION, a message
   * without fields. `satellite`: the line's metadata tells a satellite reception (LineMeta.source would be
   * 'satellite').
   */
  takePosition?: ((text: string, start: number, end: number, timeMs: number, station: string | null, satellite: boolean, six: Uint8Array) => boolean) | null;
}

/**
 * Longest payload accepted, in characters. ITU-R M.1371 messages span at most 5 slots (1008 bits = 168
 * characters); this leaves room for odd transmitters while bounding memory and output per message.
 */
export const MAX_PAYLOAD_CHARS = 1024;

/** Longest station name accepted (tag block s:, USCG r…, $PGHP shore station). */
export const MAX_STATION_CHARS = 128;

/** 1990-01-01: AIS (ITU-R M.1371) dates from 1998; earlier times are corrupt. */
export const MIN_PLAUSIBLE_TIME_MS = Date.UTC(1990, 0, 1);
/** The largest time a JavaScript Date holds. */
export const MAX_DATE_MS = 8.64e15;

/**
 * Type 24 part A names waiting for their part B, by MMSI. gpsd keeps 8 (MAX_TYPE24_INTERLEAVE); a satellite or
 * aggregated feed interleaves many more ships, so Tumen keeps more, oldest dropped first.
 */
export const MAX_PENDING_PART_A = 1024;

export const DECODER_DEFAULTS = {
  fragmentTimeoutMs: 60_000, maxPendingFragments: 1000, fragmentTimeoutLines: 2000, keepPayload: true,
  minTimeMs: MIN_PLAUSIBLE_TIME_MS, maxTimeMs: MAX_DATE_MS, takePosition: null,
};
