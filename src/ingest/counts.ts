// Counters of one ingest and the reject reasons added by the ingest on top of the decoder's.
import type { IngestCounts } from '../store/ingest-log.js';

/**
 * no_time: a message without a time of its own in a timed input (no tag block c:, $PGHP or trailing
 * epoch) when --start is not given. CSV rows reuse the decoder's names: out_of_range (lat/lon/mmsi, MMSI 0),
 * truncated (a required column empty); malformed rows are csv_too_many_fields, csv_missing_fields,
 * csv_bad_quote, csv_line_too_long, invalid_utf8.
 */
export const INGEST_REJECT_NO_TIME = 'no_time';
/** A CSV time that does not parse or falls outside the plausible window (time-window.ts), as the decoder's bad_time. */
export const CSV_REJECT_BAD_TIME = 'bad_time';

export function bump(map: Record<string, number>, key: string, by = 1): void {
  map[key] = (map[key] ?? 0) + by;
}

export function cloneCounts(c: IngestCounts): IngestCounts {
  return { ...c, rejects: { ...c.rejects }, skipped: { ...c.skipped } };
}

/** a + b, field by field (reasons by name). */
export function addCounts(a: IngestCounts, b: IngestCounts): IngestCounts {
  const out = cloneCounts(a);
  out.lines += b.lines;
  out.bytes += b.bytes;
  out.messages += b.messages;
  out.positions += b.positions;
  out.statics += b.statics;
  out.duplicates += b.duplicates;
  out.notStored += b.notStored;
  for (const k in b.rejects) bump(out.rejects, k, b.rejects[k]);
  for (const k in b.skipped) bump(out.skipped, k, b.skipped[k]);
  return out;
}

export function totalRejects(c: IngestCounts): number {
  let n = 0;
  for (const k in c.rejects) n += c.rejects[k];
  return n;
}

/** One line per figure, for the end-of-ingest summary on stderr. */
export function formatSummary(label: string, c: IngestCounts, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? Math.round((c.messages / elapsedMs) * 1000) : 0;
  const rej = Object.entries(c.rejects).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  const skip = Object.entries(c.skipped).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ');
  const lines = [
    `${label}: ${c.lines} lines, ${c.messages} messages in ${(elapsedMs / 1000).toFixed(1)} s (${rate} msg/s)`,
    `  stored: ${c.positions} positions, ${c.statics} static reports; duplicates ${c.duplicates}; not stored (no position/identity content) ${c.notStored}`,
    `  rejected: ${totalRejects(c)}${rej.length ? ` (${rej.map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`,
  ];
  if (skip) lines.push(`  skipped: ${skip}`);
  return lines.join('\n');
}
