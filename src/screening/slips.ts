// Two slips in a name of 5-8 letters, where the edit budget is one (params.ts). Two arbitrary edits in a
// short name as often make another real name (KASBAH / KASMA, MANAUS / MANAURE) as a mistyped one, but the
// changes people make when they write down a name they heard or copied are of few kinds: a letter doubled
// or single (DELLISE for DELICE), a silent H (SOHNYA for SONIA), a consonant of the same sound (C written S
// or K, S and Z, V and W), two letters swapped, a vowel for another or one added or left out. A name two
// such changes from a listed one, of nearly the same length, with the same first letter (the letter a
// writer gets right most often; or the first two swapped) and at most one of the two changes in its
// vowels, is read as that name mistyped. Left out on purpose: two vowel changes (real names differ so:
// TAKARA / TAKRE, PIAST / PISTI, and DAWNEY / DOWNY is lost with them) and a neighbouring key (with a
// second change it makes real names too often: ARTEMIS / ARTENOS, NAVARRA / NAVARZ); any other change
// costs more than a slip.

export const SLIP_PARAMS = {
  /** Both names at least this long (a one-edit budget starts at 5 letters: params.ts maxEditsByLength). */
  minLetters: 5,
  /** The longer name at most this long (from 9 letters two edits are the budget anyway). */
  maxLetters: 8,
  /** Lengths may differ by one letter: two letters more is a longer word (AURORA / AURA, VISTULA / VISTA). */
  maxLengthDifference: 1,
  /** Cost of a slip in the consonants: a letter doubled or single, an H, a letter of the same sound, two
   *  consonants swapped. */
  consonantSlip: 1,
  /** Cost of a slip that touches a vowel (one for another, one added or left out, one swapped with its
   *  neighbour): vowels are what tell most real names apart (TAKARA / TAKRE, PIAST / PISTI), so two of
   *  them (3) are beyond the budget, and the vowels-only rule of name-score.ts judges them instead. */
  vowelSlip: 1.5,
  /** Any other substitution (3) or consonant added or left out (2) leaves a pair beyond two slips. */
  otherSubstitution: 3,
  otherInsertion: 2,
  /** What two slips may cost: one consonant slip and one vowel slip (2.5) or two consonant slips. */
  maxCost: 2.5,
} as const;

const S = SLIP_PARAMS;
const VOWELS = new Set('AEIOUY');
/** Consonants written for one another by sound in the Latin spellings of ship names (the single folds of
 *  phonetic.ts, plus C/S before E and I, S/Z, V/W). */
const SAME_SOUND = new Set(['CK', 'CS', 'KQ', 'SZ', 'VW', 'GK', 'DT', 'BP', 'LR', 'JZ'].flatMap((p) => [p, p[1] + p[0]]));

const isVowel = (c: string): boolean => VOWELS.has(c);

function subCost(a: string, b: string): number {
  if (a === b) return 0;
  if (isVowel(a) && isVowel(b)) return S.vowelSlip;
  return SAME_SOUND.has(a + b) ? S.consonantSlip : S.otherSubstitution;
}

/** Cost of the letter s[i] being there in one name and not in the other. */
function indelCost(s: string, i: number): number {
  const c = s[i];
  if (s[i - 1] === c || s[i + 1] === c || c === 'H') return S.consonantSlip; // doubled (NOOR / NOR too), or an H
  return isVowel(c) ? S.vowelSlip : S.otherInsertion;
}

/** The least cost of changing `a` into `b` with the costs above (an optimal-string-alignment table). */
export function slipCost(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  const d: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) d[i][0] = d[i - 1][0] + indelCost(a, i - 1);
  for (let j = 1; j <= m; j++) d[0][j] = d[0][j - 1] + indelCost(b, j - 1);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      let v = d[i - 1][j - 1] + subCost(a[i - 1], b[j - 1]);
      v = Math.min(v, d[i - 1][j] + indelCost(a, i - 1), d[i][j - 1] + indelCost(b, j - 1));
      const x = a[i - 1];
      const y = a[i - 2];
      if (i > 1 && j > 1 && x === b[j - 2] && y === b[j - 1] && x !== y) {
        v = Math.min(v, d[i - 2][j - 2] + (isVowel(x) || isVowel(y) ? S.vowelSlip : S.consonantSlip));
      }
      d[i][j] = v;
    }
  }
  return d[n][m];
}

/** Whether compact names `q` and `e` are two plausible slips apart (and not closer: the caller has tried
 *  one edit), under the length and first-letter conditions above. */
export function isTwoSlips(q: string, e: string): boolean {
  const lo = Math.min(q.length, e.length);
  const hi = Math.max(q.length, e.length);
  if (lo < SLIP_PARAMS.minLetters || hi > SLIP_PARAMS.maxLetters || hi - lo > SLIP_PARAMS.maxLengthDifference) return false;
  if (q[0] !== e[0] && !(q[0] === e[1] && q[1] === e[0])) return false; // the first letter, or the first two swapped
  return slipCost(q, e) <= S.maxCost || isTwoSwaps(q, e);
}

/** Whether `q` is `e` with two pairs of neighbouring letters swapped, apart, and nothing else (TIRBILNI for
 *  TRIBILIN, STORTTRE for STROTTER). A swap costs a vowel slip when it moves a vowel, so two such swaps are
 *  beyond the slips' budget; but a swap changes no letter, and two of them keep every letter of the name: a
 *  name typed fast, not another name (the vowels are all there, where a changed vowel makes another real
 *  name). Two swaps side by side shift a syllable instead (SHIRARA / SHIARAR, a real AIS name and a listed
 *  one): at least one letter between the pairs. */
export function isTwoSwaps(q: string, e: string): boolean {
  if (q.length !== e.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < q.length; i++) if (q[i] !== e[i]) { diff.push(i); if (diff.length > 4) return false; }
  if (diff.length !== 4) return false;
  const [a, b, c, d] = diff;
  const swapped = (i: number): boolean => q[i] === e[i + 1] && q[i + 1] === e[i];
  return b === a + 1 && d === c + 1 && c > b + 1 && swapped(a) && swapped(c);
}
