// IMO 289 area notices (type 8 DAC 1 FID 22, type 6 DAC 1 FID 23): a real USCG sentence (libais
// typeexamples) and messages packed bit by bit here from the circular's layout, one per sub-area shape.
import { describe, expect, it } from 'vitest';
import { AisDecoder, type AisMessage } from '../../src/ais/index.js';
import { nmeaChecksum } from '../../src/ais/encode.js';
import { fixtureLines } from './helpers.js';

/** Two's-complement bits of `v`, `width` wide. */
const bits = (v: number, width: number): string => (v < 0 ? 2 ** width + v : v).toString(2).padStart(width, '0');

/** A one-sentence !AIVDM line carrying `body` after the type/repeat/MMSI header. */
function sentence(type: number, body: string): string {
  let all = bits(type, 6) + bits(0, 2) + bits(366123456, 30) + body;
  const fill = (6 - (all.length % 6)) % 6;
  all += '0'.repeat(fill);
  let payload = '';
  for (let i = 0; i < all.length; i += 6) {
    const v = parseInt(all.slice(i, i + 6), 2) + 48;
    payload += String.fromCharCode(v > 87 ? v + 8 : v);
  }
  const s = `AIVDM,1,1,,A,${payload},${fill}`;
  return `!${s}*${nmeaChecksum(s)}`;
}

function decode(line: string): AisMessage {
  const r = new AisDecoder().decodeLine(line);
  if (r.kind !== 'message') throw new Error(`not a message: ${JSON.stringify(r)}`);
  return r.message;
}

const BROADCAST = bits(0, 2) + bits(1, 10) + bits(22, 6);
const ADDRESSED = bits(0, 2) + bits(211000001, 30) + bits(0, 1) + bits(0, 1) + bits(1, 10) + bits(23, 6);
/** linkage 5, notice 3, 15 June 12:30 UTC, 120 minutes. */
const NOTICE = bits(5, 10) + bits(3, 7) + bits(6, 4) + bits(15, 5) + bits(12, 5) + bits(30, 6) + bits(120, 18);
/** Position as 1/1000 minute of arc: lon 25 bits, lat 24 bits. */
const where = (lon: number, lat: number): string => bits(Math.round(lon * 60000), 25) + bits(Math.round(lat * 60000), 24);
const CIRCLE = bits(0, 3) + bits(1, 2) + where(-122.5, 37.25) + bits(4, 3) + bits(100, 12) + bits(0, 18);
const RECTANGLE = bits(1, 3) + bits(0, 2) + where(10.5, 55.1) + bits(2, 3) + bits(20, 8) + bits(30, 8) + bits(45, 9) + bits(0, 5);
const SECTOR = bits(2, 3) + bits(2, 2) + where(10.5, 55.1) + bits(2, 3) + bits(5, 12) + bits(90, 9) + bits(180, 9);
/** Points as (bearing in half degrees, distance); the last two are empty (distance 0). */
const POLYGON = bits(4, 3) + bits(0, 2) + bits(90, 10) + bits(100, 10) + bits(181, 10) + bits(200, 10) + bits(720, 10) + bits(0, 10) + bits(0, 10) + bits(0, 10) + bits(0, 2);
const TEXT = bits(5, 3) + [...'SURVEY OPS'].map((c) => bits(c.charCodeAt(0) & 63, 6)).join('') + bits(0, 6 * 4);

describe('IMO 289 area notices (DAC 1 FID 22/23)', () => {
  it('real USCG broadcast (libais typeexamples line 5): header and circle as libais, start time = the sentence time', () => {
    const m = decode(fixtureLines('libais-typeexamples.nmea')[4]);
    expect(m).toMatchObject({ type: 8, dac: 1, fid: 22, linkage: 10, notice: 0, duration: 20 });
    // Transmitted 2012-01-01 05:02:49 (its tag time): the notice starts then.
    expect([m.month, m.day, m.hour, m.minute]).toEqual([1, 1, 5, 2]);
    // libais: precision 4, radius 9260, x -69.86498333, y 42.08295.
    expect(m.subareas).toEqual([{ shape: 0, scale: 1, lon: -69.864983, lat: 42.08295, precision: 4, radius: 9260 }]);
  });

  it('circle: radius in metres times 10^scale; duration in minutes', () => {
    const m = decode(sentence(8, BROADCAST + NOTICE + CIRCLE));
    expect(m).toMatchObject({ linkage: 5, notice: 3, month: 6, day: 15, hour: 12, minute: 30, duration: 120 });
    expect(m.subareas).toEqual([{ shape: 0, scale: 1, lon: -122.5, lat: 37.25, precision: 4, radius: 1000 }]);
    expect(m.data).toMatch(/^142:/); // the raw bits are kept
  });

  it('rectangle and sector in one notice', () => {
    const m = decode(sentence(8, BROADCAST + NOTICE + RECTANGLE + SECTOR));
    expect(m.subareas).toEqual([
      { shape: 1, scale: 0, lon: 10.5, lat: 55.1, precision: 2, east: 20, north: 30, orientation: 45 },
      { shape: 2, scale: 2, lon: 10.5, lat: 55.1, precision: 2, radius: 500, left: 90, right: 180 },
    ]);
  });

  it('polygon points (bearing in degrees, empty points left out) and a text sub-area', () => {
    const m = decode(sentence(8, BROADCAST + NOTICE + POLYGON + TEXT));
    expect(m.subareas).toEqual([
      { shape: 4, scale: 0, points: [{ bearing: 45, distance: 100 }, { bearing: 90.5, distance: 200 }] },
      { shape: 5, text: 'SURVEY OPS' },
    ]);
  });

  it('addressed form (type 6 FID 23): the same fields after the addressed header', () => {
    const m = decode(sentence(6, ADDRESSED + NOTICE + CIRCLE));
    expect(m).toMatchObject({ type: 6, dest_mmsi: 211000001, dac: 1, fid: 23, linkage: 5, notice: 3, duration: 120 });
    expect(m.subareas).toEqual([{ shape: 0, scale: 1, lon: -122.5, lat: 37.25, precision: 4, radius: 1000 }]);
  });

  it('duration "not available" is null; a notice without a whole sub-area has none; positions 181/91 are null', () => {
    const na = bits(5, 10) + bits(3, 7) + bits(6, 4) + bits(15, 5) + bits(12, 5) + bits(30, 6) + bits(262143, 18);
    expect(decode(sentence(8, BROADCAST + na + CIRCLE.slice(0, 60)))).toMatchObject({ duration: null, subareas: [] });
    const nowhere = bits(0, 3) + bits(0, 2) + where(181, 91) + bits(0, 3) + bits(0, 12) + bits(0, 18);
    expect(decode(sentence(8, BROADCAST + NOTICE + nowhere)).subareas).toEqual([{ shape: 0, scale: 0, lon: null, lat: null, precision: 0, radius: 0 }]);
  });

  it('other DAC/FID pairs keep only dac, fid and data', () => {
    const m = decode(sentence(8, bits(0, 2) + bits(366, 10) + bits(22, 6) + NOTICE + CIRCLE));
    expect(m.subareas).toBeUndefined();
    expect(m.linkage).toBeUndefined();
  });
});
