import { describe, expect, it } from 'vitest';
import { normaliseName, normaliseCallsign } from '../../src/screening/normalise.js';
import { phoneticKey } from '../../src/screening/phonetic.js';
import { imoStatus, normaliseImo } from '../../src/reference/imo.js';
import { bagDistance, damerauLevenshtein, jaroWinkler } from '../../src/screening/similarity.js';

const n = (s: string) => { const x = normaliseName(s); return [x.words.join(' '), x.numbers.join(' ')]; };

describe('ship-name normalisation', () => {
  it('folds case, punctuation, spacing and ship-type prefixes', () => {
    expect(n('M/V Chon-Ma-San')).toEqual(['CHON MA SAN', '']);
    expect(n('mt  chon ma san')).toEqual(['CHON MA SAN', '']);
    expect(n('ST. VITAMIN')).toEqual(['ST VITAMIN', '']);
    expect(n('Marìa')).toEqual(['MARIA', '']);
  });
  it('drops a ship-type designation in brackets or a trailing M/T, and keeps other brackets', () => {
    for (const s of ['PATRIS (M/T)', 'PATRIS [TANKER]', 'PATRIS (Oil Tanker)', 'PATRIS (M.V.)', 'PATRIS M/T', 'PATRIS, M/V']) expect(n(s), s).toEqual(['PATRIS', '']);
    expect(n('HAO FAN (6)')).toEqual(['HAO FAN', '6']); // a number in brackets is the name's
    expect(n('PATRIS (SOUTH)')).toEqual(['PATRIS SOUTH', '']); // not a type
  });
  it('reads letters that Unicode does not decompose (Ł, Ø, Æ) instead of dropping them', () => {
    expect(n('WŁADYSŁAW STRYŻOW')).toEqual(['WLADYSLAW STRYZOW', '']);
    expect(n('BØRGE')).toEqual(['BORGE', '']);
    expect(n('ÆGIR')).toEqual(['AEGIR', '']);
  });
  it('reads "NO." / "NO 1" / "1" / roman numerals as the same number', () => {
    for (const s of ['CHON MA SAN NO.1', 'CHON MA SAN NO 1', 'CHON MA SAN 1', 'chon ma san no.01', 'CHON MA SAN I']) {
      expect(n(s)).toEqual(['CHON MA SAN', '1']);
    }
    expect(n('BICENTENARIO XIV')).toEqual(['BICENTENARIO', '14']);
    expect(n('VALFAJR2')).toEqual(['VALFAJR', '2']);
    expect(n('CARLOTA C')).toEqual(['CARLOTA', 'C']); // a series letter, kept like a number
    expect(n('I')).toEqual(['I', '']); // a one-word name is not a number
  });
  it('reads a zero between letters as O, and HO after a number as the Korean number mark', () => {
    expect(n('D0RE')).toEqual(['DORE', '']);
    expect(n('DY905')).toEqual(['DY', '905']);
    expect(n('SAM MA 2HO')).toEqual(['SAM MA', '2']);
    expect(n('SAM MA 2 HO')).toEqual(['SAM MA', '2']);
    expect(n('O UN CHONG NYON HO')).toEqual(['O UN CHONG NYON HO', '']);
  });
  it('gives the other word orders of names of 2-4 words with a distinctive word', async () => {
    const { otherWordOrders } = await import('../../src/screening/normalise.js');
    const orders = (s: string) => otherWordOrders(normaliseName(s)).map((x) => x.full);
    expect(orders('HORMUZ 12 IRAN')).toEqual(['IRAN HORMUZ 12']);
    expect(orders('ALFA BRAVO CHARLIE')).toHaveLength(5);
    expect(orders('OCEAN STAR')).toEqual([]); // generic words only
    expect(orders('CHONMASAN')).toEqual([]);
  });
  it('makes run-together spellings equal without spaces', () => {
    expect(normaliseName('CHONMASAN').compact).toBe(normaliseName('CHON MA SAN').compact);
  });
  it('folds Korean, Russian and Persian romanisations to one key', () => {
    const same = (a: string, b: string) => expect(normaliseName(a).phonetic).toBe(normaliseName(b).phonetic);
    same('CHON MA SAN', 'CHEON MA SAN');
    same('RYE SONG GANG', 'RYESONGKANG');
    same('YU PHYONG', 'YU PYONG');
    same('PAEK MA', 'BAEK MA');
    same('MAKSIM GORKY', 'MAXIM GORKIY');
    expect(phoneticKey('SAM')).not.toBe(phoneticKey('SAN'));
  });
  it('marks generic words as not distinctive', () => {
    expect(normaliseName('OCEAN STAR').distinctive).toBe('');
    expect(normaliseName('ORION STAR').distinctive).toBe('ORION');
  });
  it('normalises call signs', () => {
    expect(normaliseCallsign('t2-eu 4')).toBe('T2EU4');
  });
});

describe('IMO check digit', () => {
  it('validates the seventh digit (IMO Res. A.1117(30))', () => {
    expect(imoStatus('9074729')).toBe('valid');
    expect(imoStatus('IMO 8660313')).toBe('valid');
    expect(imoStatus('8660314')).toBe('bad_check_digit');
    expect(imoStatus('866031')).toBe('malformed');
    expect(normaliseImo('IMO9187629')).toBe('9187629');
  });
});

describe('string similarity', () => {
  it('Jaro-Winkler gives the published reference values', () => {
    // Winkler (1990) / Wikipedia worked examples.
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 4);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('ABC', 'ABC')).toBe(1);
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0);
  });
  it('Damerau-Levenshtein counts a transposition as one edit', () => {
    expect(damerauLevenshtein('NYMEX', 'NYMXE')).toBe(1);
    expect(damerauLevenshtein('KUMUNSAN', 'KUMBONGSAN')).toBe(3);
    expect(damerauLevenshtein('ABCDEFG', 'XYZ', 2)).toBe(3); // early exit above the budget
  });
  it('with a budget, gives the exact distance up to it and more than it beyond (banded table)', () => {
    expect(damerauLevenshtein('KORVANELISTAR', 'KORVENALISTAR', 2)).toBe(2);
    expect(damerauLevenshtein('KORVANELISTAR', 'KORVENALISTRA', 2)).toBe(3);
    expect(damerauLevenshtein('ABCDEFGH', 'BCDEFGHA', 1)).toBe(2); // the band cuts the shift's path
    expect(damerauLevenshtein('ABCDEFGH', 'BCDEFGHA', 2)).toBe(2);
    let seed = 7;
    const next = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return Math.floor((seed / 2147483648) * n); };
    const word = (n: number): string => Array.from({ length: n }, () => 'ABCD'[next(4)]).join('');
    let withinBudget = 0;
    for (let t = 0; t < 20_000; t++) {
      const a = word(next(13));
      const b = next(2) ? word(next(13)) : a.slice(0, next(a.length + 1)) + word(next(3)) + a.slice(next(a.length + 1));
      const max = next(4);
      const full = damerauLevenshtein(a, b);
      const banded = damerauLevenshtein(a, b, max);
      if (full <= max) { withinBudget++; expect(banded).toBe(full); } else expect(banded).toBeGreaterThan(max);
      expect(bagDistance(a, b)).toBeLessThanOrEqual(full);
    }
    expect(withinBudget).toBeGreaterThan(2_000);
  });
  it('bag distance counts the letters one name has and the other lacks', () => {
    expect(bagDistance('KUMUNSAN', 'KUMUNSAN')).toBe(0);
    expect(bagDistance('NYMEX', 'NYMXE')).toBe(0); // a transposition keeps the letters
    expect(bagDistance('KUMUNSAN', 'KUMBONGSAN')).toBe(3); // B, O, G more; one U less
    expect(bagDistance('ABC', '')).toBe(3);
    expect(bagDistance('ЧОН', 'CHON')).toBe(0); // outside ASCII: no bound
    expect(bagDistance('CHON', 'CHAN')).toBe(1); // and the counts were cleared after the non-ASCII call
  });
});
