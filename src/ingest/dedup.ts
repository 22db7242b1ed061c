// The duplicate rule: receptions of the same AIS payload (the armoured 6-bit string, fill bits and
// framing excluded) whose times differ by at most DEDUP_WINDOW_S are one message, stored once, with the
// union of the stations that heard it. A payload carries the UTC second of its report (ITU-R M.1371-5,
// msg 1–3/18 "time stamp" field), so a genuinely new report with an identical payload cannot occur
// within 59 s; 30 s leaves room for station clock offsets and satellite store-and-forward delay.
// CSV rows carry no payload: their key is a hash of mmsi, exact time, position and kinematics.

/** Half-width of the duplicate window, seconds. */
export const DEDUP_WINDOW_S = 30;
export const DEDUP_WINDOW_MS = DEDUP_WINDOW_S * 1000;

/**
 * A 64-bit key of a payload as two 32-bit halves: FNV-1a and a murmur-style multiply, two characters per
 * step (payloads are ASCII), then a final avalanche of the second half.
 */
export function payloadHash(s: string, out: Uint32Array, at: number): void {
  payloadHashAt(s, 0, s.length, out, at);
}

/** payloadHash() of `s[start, end)` (a payload inside its line: no string cut out). */
export function payloadHashAt(s: string, start: number, end: number, out: Uint32Array, at: number): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c ^ (end - start);
  let i = start;
  for (; i + 1 < end; i += 2) {
    const c = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 8);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  if (i < end) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  h2 ^= h2 >>> 13;
  h2 = Math.imul(h2, 0x5bd1e995);
  h2 ^= h2 >>> 15;
  out[at] = h1 >>> 0;
  out[at + 1] = h2 >>> 0;
}
