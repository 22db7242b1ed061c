// Short texts that repeat line after line — a feed's few station names, read from every tag block — as one
// string each. A fresh string per line is garbage at once, and every Map that looks it up (the satellite
// test per station, an ingest batch's station codes) hashes it afresh; a string seen before has its hash
// kept. Returned strings are flat copies: a slice of a reader's chunk would keep the whole chunk alive.

/** Texts longer than this are sliced as before (names are short; a long one is not worth keeping). */
const MAX_INTERNED_CHARS = 32;
/** Slots of the table (a power of two); a colliding name replaces the one in its slot. */
const SLOTS = 256;

export class TextInterner {
  private readonly slots: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);

  /** `line[start, end)` as a string: the one returned before for the same characters when still kept. */
  read(line: string, start: number, end: number): string {
    const n = end - start;
    if (n > MAX_INTERNED_CHARS || n <= 0) return line.slice(start, end);
    let h = 0x811c9dc5 ^ n;
    for (let i = start; i < end; i++) h = Math.imul(h ^ line.charCodeAt(i), 0x01000193);
    const slot = (h ^ (h >>> 15)) & (SLOTS - 1);
    const kept = this.slots[slot];
    if (kept !== undefined && kept.length === n && sameChars(kept, line, start)) return kept;
    const fresh = flatCopy(line, start, end);
    this.slots[slot] = fresh;
    return fresh;
  }
}

function sameChars(s: string, line: string, start: number): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== line.charCodeAt(start + i)) return false;
  return true;
}

/** A new sequential string of `line[start, end)` (never a slice sharing the line's memory). */
function flatCopy(line: string, start: number, end: number): string {
  const codes = new Array<number>(end - start);
  for (let i = start; i < end; i++) codes[i - start] = line.charCodeAt(i);
  return String.fromCharCode(...codes);
}
