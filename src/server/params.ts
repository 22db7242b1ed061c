// Display parameters of the server. Gaps drawn on tracks use the detectors' raw-gap threshold
// (GFW pipe-gaps: consecutive positions at least 6 h apart), so the map and the gap events agree.
import { GAP_PARAMS } from '../detectors/params.js';

export const TRACK_GAP_MS = GAP_PARAMS.minGapH * 3_600_000;

/** Largest request body accepted by write endpoints (file upload for ingest). */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
/** Largest JSON body for batch screening and list edits. */
export const MAX_JSON_BYTES = 8 * 1024 * 1024;
/** Open SSE subscriptions at once (each holds a socket and a queue); more are answered 503. */
export const MAX_SSE_STREAMS = 1000;
/** A client must send its request headers within this time (slow-header attacks hold sockets open). */
export const HEADERS_TIMEOUT_MS = 15_000;
/** A client must send its whole request within this time (a 512 MB upload at ~2 MB/s fits). */
export const REQUEST_TIMEOUT_MS = 300_000;
/** Most vessels screened in one POST /api/screen. */
export const MAX_SCREEN_BATCH = 10_000;
