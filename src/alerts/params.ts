// Parameters of watch rules and alert delivery, units in every name. Skylight and GFW publish no alert
// thresholds, so the defaults are Tumen's; where a detector already has the threshold, it is reused so an
// alert and the event `tumen detect` stores agree.
import { GAP_PARAMS } from '../detectors/params.js';

export const WATCH_PARAMS = {
  /** A watched ship "went dark" once silent this long while the feed still brings other ships: the gap
   *  detector's raw-gap threshold (GFW pipe-gaps min_gap_length 6 h), so the alert and the gap agree. */
  darkAfterH: GAP_PARAMS.minGapH,
  /** Default radius around a port of interest for "went dark near a port" (Tumen: the approaches of
   *  Vostochny, Nakhodka and Vladivostok all lie within 50 km of the WPI points). */
  withinKm: 50,
  /** A listed ship is "active" at its first position after being silent this long (or ever): the same
   *  raw-gap threshold, so a listed ship reappearing after an AIS gap raises a new alert. */
  activeQuietH: GAP_PARAMS.minGapH,
  /** A silence the reception has not yet shown to be more than a coverage hole is judged again every hour
   *  for this many hours after `afterH` (Tumen: the gap detector needs about `minExpectedHeardHours` of
   *  expected receptions; a day more covers slow satellite revisits), then the alert is withheld (counted). */
  darkConfirmMaxH: 24,
  /** Other ships heard within this radius of the last position of a ship that went dark are counted as
   *  evidence the area was covered (Tumen: about a terrestrial station's range at sea). */
  heardNearbyKm: 50,
  /** Bounds of the user-settable thresholds (validated at `tumen watch add` and POST /api/watch). */
  maxWithinKm: 1000,
  maxAfterH: 24 * 30,
} as const;

export const WEBHOOK_PARAMS = {
  /** Attempts per alert and webhook, the first included (Tumen; GitHub and Stripe retry for hours, a
   *  desk tool for minutes: the delivery log keeps failures for a re-send). */
  maxAttempts: 6,
  /** Back-off before attempt n+1: baseDelayMs × 2^(n-1), capped (1 s, 2 s, 4 s, 8 s, 16 s). */
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  /** One attempt waits this long for the receiver's answer. */
  timeoutMs: 10_000,
  /** After a restart, unfinished deliveries of alerts raised within this many hours are resumed; older ones
   *  stay in the delivery log only (Tumen: a day — news older than that is no longer an alert). */
  resumeMaxAgeH: 24,
  /** Webhook secrets shorter than this are refused (HMAC-SHA256 keys: at least 128 bits of text). */
  minSecretChars: 16,
} as const;
