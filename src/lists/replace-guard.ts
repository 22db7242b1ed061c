// The guard on replacing a loaded list: a sanctions list that silently empties or shrinks stops screening
// the ships it named, so an import that would leave nothing, or remove more than a threshold of what is
// loaded, is refused unless the user says the shrink is intended. Pure: the store hands it the difference between both versions.
import type { EntryKind } from './types.js';

/** An import may remove at most this fraction of the loaded entries (or of the loaded vessels) unless allowed.
 * Tumen choice: OFAC SDN and UN lists change by a few dozen entries per update (< 1 %); 10 % is a file cut
 * short or a wrong format, not a delisting round. */
export const MAX_SHRINK_FRACTION = 0.1;
/** Removing this many entries or fewer is an ordinary edit whatever the list's size (a hand-kept watchlist). */
export const FREE_REMOVALS = 10;

export interface GuardEntry {
  key: string;
  kind: EntryKind | string;
  name: string;
}

export interface ShrinkDiff {
  entriesBefore: number;
  entriesAfter: number;
  removed: number;
  vesselsBefore: number;
  vesselsAfter: number;
  vesselsRemoved: number;
  /** Up to 10 removed entries, vessels first. */
  sample: GuardEntry[];
}

/** Why an import was refused; `diff` is set for a shrink. Callers turn it into exit 1 / HTTP 409. */
export class ListImportRefused extends Error {
  constructor(message: string, readonly diff: ShrinkDiff | null) {
    super(message);
    this.name = 'ListImportRefused';
  }
}

/**
 * Throws ListImportRefused when the new version is empty, or when it removes more than FREE_REMOVALS
 * entries and more than `maxShrinkFraction` of the loaded entries or vessels, and the shrink was not allowed.
 */
export function guardListReplacement(
  list: string, diff: ShrinkDiff,
  opts: { allowShrink?: boolean; maxShrinkFraction?: number; rejected?: number; firstReject?: string } = {},
): ShrinkDiff {
  if (diff.entriesAfter === 0) {
    const why = opts.rejected ? `; ${opts.rejected} records rejected${opts.firstReject ? `, the first: ${opts.firstReject}` : ''}` : '';
    throw new ListImportRefused(
      `refusing to import ${list}: the file holds no list entries${why}. `
      + `${diff.entriesBefore ? `The ${diff.entriesBefore} loaded entries are kept. ` : ''}Check the file and --source.`, null,
    );
  }
  const max = opts.maxShrinkFraction ?? MAX_SHRINK_FRACTION;
  const tooMany = diff.removed > FREE_REMOVALS
    && (diff.removed > max * diff.entriesBefore || diff.vesselsRemoved > max * diff.vesselsBefore);
  if (tooMany && !opts.allowShrink) {
    const sample = diff.sample.map((e) => `  - ${e.key} ${e.kind} ${e.name}`).join('\n');
    throw new ListImportRefused(
      `refusing to import ${list}: it would remove ${diff.removed} of ${diff.entriesBefore} entries `
      + `(${diff.vesselsRemoved} of ${diff.vesselsBefore} vessels), more than ${Math.round(max * 100)} %; `
      + `${diff.entriesAfter} entries would remain. A file cut short or in the wrong format looks like this. `
      + `If the shrink is intended, rerun with --allow-shrink.\nremoved (sample):\n${sample}`, diff,
    );
  }
  return diff;
}
