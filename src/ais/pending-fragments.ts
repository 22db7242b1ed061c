// Multipart messages waiting for their fragments: bounded in count, in lines and in line time, so that a
// feed that loses fragments never grows memory. A dropped message's fragments are recounted as rejects.
import type { LineMeta, DecodeCountKey, RejectReason } from './types.js';

export interface Pending {
  parts: Array<string | undefined>;
  received: number;
  firstLine: number;
  firstTimeMs: number | null;
  meta: LineMeta;
}

export interface FragmentBounds {
  fragmentTimeoutMs: number;
  fragmentTimeoutLines: number;
}

export class PendingFragments {
  readonly byKey = new Map<string, Pending>();

  constructor(private readonly counts: Record<DecodeCountKey, number>, private readonly bounds: FragmentBounds) {}

  drop(key: string, p: Pending, why: string): { reason: RejectReason; detail: string } {
    // Its fragments were counted as 'fragment'; they end up as incomplete_multipart instead, so that the
    // counts always add up to the number of lines.
    this.counts.fragment -= p.received;
    this.counts.incomplete_multipart += p.received;
    return { reason: 'incomplete_multipart', detail: `${why}: ${p.received} of ${p.parts.length} fragments (${key}) from line ${p.firstLine}` };
  }

  /** End of input: every message still waiting becomes rejects. */
  dropAll(why: string): Array<{ reason: RejectReason; detail: string }> {
    const out: Array<{ reason: RejectReason; detail: string }> = [];
    for (const [key, p] of this.byKey) out.push(this.drop(key, p, why));
    this.byKey.clear();
    return out;
  }

  /**
   * Drops multipart messages too old in line count, or in line time as told by the same station (merged
   * satellite feeds are not in time order across stations). Oldest first (a Map keeps insertion order).
   */
  expire(lineNo: number, nowMs: number | null, nowStation: string | null): void {
    for (const [key, p] of this.byKey) {
      const tooManyLines = lineNo - p.firstLine > this.bounds.fragmentTimeoutLines;
      const tooOld = nowMs !== null && p.firstTimeMs !== null && p.meta.station === nowStation &&
        nowMs - p.firstTimeMs > this.bounds.fragmentTimeoutMs;
      if (tooManyLines || tooOld) {
        this.byKey.delete(key);
        this.drop(key, p, 'timed out');
      } else if (this.byKey.size < 64) {
        continue; // small buffer: check every entry
      } else {
        break;
      }
    }
  }

  evictOldest(): void {
    const first = this.byKey.entries().next();
    if (first.done === true) return;
    const [key, p] = first.value;
    this.byKey.delete(key);
    this.drop(key, p, 'buffer full');
  }
}
