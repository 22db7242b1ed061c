import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidImo } from '../../src/reference/imo.js';
import { flagOfMmsi, lookupMid, midOf, mmsiKind } from '../../src/reference/mid.js';

const rows = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'detectors', 'ofac-2021-vessels.csv'), 'utf8')
  .trim().split(/\r?\n/).slice(1).map((l) => l.split(','));

describe('IMO check digit', () => {
  it('accepts every real IMO in the OFAC 2021 sample', () => {
    const imos = rows.map((r) => Number(r[r.length - 2]));
    expect(imos).toHaveLength(14);
    for (const imo of imos) expect(isValidImo(imo), String(imo)).toBe(true);
  });

  it('rejects a changed check digit, transposed digits and out-of-range numbers', () => {
    expect(isValidImo(7937317)).toBe(true); // CHONG CHON GANG
    expect(isValidImo(7937318)).toBe(false);
    expect(isValidImo(7973317)).toBe(false);
    expect(isValidImo(0)).toBe(false);
    expect(isValidImo(123456)).toBe(false);
    expect(isValidImo(99999999)).toBe(false);
  });
});

describe('MID → flag', () => {
  it('maps real MMSIs to their MID flag', () => {
    const flags = rows.filter((r) => r[5]).map((r) => [r[1], flagOfMmsi(Number(r[5]))]);
    expect(flags).toEqual([
      ['ARTAVIL', 'TV'], ['ARK', 'MT'], ['ARGO I', 'MT'], ['ARNICA', 'TV'], ['APAMA', 'MT'], ['BANEH', 'IR'],
    ]);
  });

  it('knows the region: 273 Russia, 445 DPRK, 440 Korea; 659 Namibia is "NA", not missing', () => {
    expect(flagOfMmsi(273_123_456)).toBe('RU');
    expect(flagOfMmsi(445_123_456)).toBe('KP');
    expect(flagOfMmsi(440_123_456)).toBe('KR');
    expect(lookupMid(659)?.iso2).toBe('NA');
  });

  it('has no flag for unallocated MIDs and non-ship MMSIs', () => {
    expect(lookupMid(200)).toBeNull();
    expect(flagOfMmsi(200_000_001)).toBeNull();
    expect(midOf(992_735_001)).toBeNull();
    expect(mmsiKind(992_735_001)).toBe('aid_to_navigation');
    expect(mmsiKind(2_735_001)).toBe('coast_station');
    expect(mmsiKind(111_273_001)).toBe('sar_aircraft');
    expect(mmsiKind(970_123_456)).toBe('sart_mob_epirb');
  });
});
