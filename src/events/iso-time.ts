// Strict ISO-8601 times for every user-given time (CLI options, API parameters): a date or a date-time,
// a zone-less time read as UTC. Anything else (03/02/2024, "yesterday") is refused, never guessed.
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export const ISO_EXAMPLE = '2024-03-01 or 2024-03-01T12:00:00Z';

/** Milliseconds since the epoch, or an Error saying what was expected. */
export function parseIsoTime(raw: string): number | Error {
  const text = raw.trim();
  const m = ISO_RE.exec(text);
  if (!m) return new Error(`not an ISO-8601 time: ${JSON.stringify(raw)} (expected ${ISO_EXAMPLE})`);
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = m;
  const ok = Number(mo) >= 1 && Number(mo) <= 12 && Number(d) >= 1 && Number(d) <= 31 && Number(h) <= 23 && Number(mi) <= 59 && Number(s) <= 59;
  const withZone = m[4] === undefined ? `${y}-${mo}-${d}T00:00:00Z` : `${text.replace(' ', 'T')}${zone ? '' : 'Z'}`;
  const ms = Date.parse(withZone);
  // Date.parse rolls 2024-02-31 over to March: check the calendar date survived.
  if (!ok || Number.isNaN(ms) || (zone === undefined && new Date(ms).toISOString().slice(0, 10) !== `${y}-${mo}-${d}`)) {
    return new Error(`not a valid date/time: ${JSON.stringify(raw)} (expected ${ISO_EXAMPLE})`);
  }
  return ms;
}
