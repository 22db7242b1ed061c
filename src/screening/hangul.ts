// Hangul to Latin letters, by the Revised Romanization of Korean (2000), letter by letter: Korean registers,
// port-call lists and the press write DPRK and ROK ship names in Hangul, while the sanctions lists and AIS
// (6-bit ASCII) carry them romanised — mostly McCune-Reischauer, which the phonetic key (phonetic.ts) folds
// together with this (PU HUNG = BUHEUNG, CHON MA SAN = CHEONMASAN). Written by hand: a syllable block is
// arithmetic on its code point (Unicode 3.12, "Conjoining Jamo Behavior"), and no kept library does this.
// The sound changes across syllables (assimilation) are left out; the key's folds absorb most of them.

const INITIALS = ['G', 'KK', 'N', 'D', 'TT', 'R', 'M', 'B', 'PP', 'S', 'SS', '', 'J', 'JJ', 'CH', 'K', 'T', 'P', 'H'];
const MEDIALS = ['A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WO', 'WE', 'WI', 'YU', 'EU', 'UI', 'I'];
// A final consonant as it sounds at the end of a syllable (clusters by the sound they keep).
const FINALS = ['', 'K', 'K', 'K', 'N', 'N', 'N', 'T', 'L', 'K', 'M', 'L', 'L', 'L', 'P', 'L', 'M', 'P', 'P', 'T', 'T', 'NG', 'T', 'T', 'K', 'T', 'P', 'T'];

const FIRST_SYLLABLE = 0xac00;
const LAST_SYLLABLE = 0xd7a3;

/** The text with every Hangul syllable romanised; other characters kept. */
export function romaniseHangul(s: string): string {
  if (!/[\uac00-\ud7a3]/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < FIRST_SYLLABLE || c > LAST_SYLLABLE) { out += ch; continue; }
    const i = c - FIRST_SYLLABLE;
    out += INITIALS[Math.floor(i / 588)] + MEDIALS[Math.floor((i % 588) / 28)] + FINALS[i % 28];
  }
  return out;
}
