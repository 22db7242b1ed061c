// Every message of gpsd's test/sample.aivdm decodes to gpsd's scaled JSON, field by field. Where Tumen
// deliberately differs (docs/decoding.md, "Differences from gpsd") the test asserts Tumen's value instead.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AisDecoder, type AisMessage } from '../../src/ais/index.js';
import { FIXTURES } from './helpers.js';
import { compareWithGpsd } from './gpsd-compare.js';

/** One field of a decoded application payload, by the gpsd comparison's rules (test/ais/gpsd-compare.ts). */
function fieldsAgree(key: string, want: unknown, m: AisMessage): boolean {
  const a = compareWithGpsd([{ type: m.type, mmsi: m.mmsi, [key]: want }], [m]);
  return a.matched === 1 && a.identical === 1;
}
let decodedApplications = 0;

interface Pair { sentences: string[]; expected: Record<string, unknown> }
const pairs: Pair[] = readFileSync(FIXTURES + 'gpsd-sample-pairs.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));

/** gpsd's "not available" renderings that Tumen turns into null. */
const NULLED: Record<string, unknown[]> = {
  heading: [511], lat: [91], lon: [181], speed: [102.3, 'nan'], course: [360], turn: ['n/a', 'nan'],
};
/** gpsd bookkeeping keys, not message fields. */
const NOT_FIELDS = new Set(['class', 'device', 'scaled']);

function decode(sentences: string[]) {
  const d = new AisDecoder();
  const results = sentences.map((s) => d.decodeLine(s));
  return results[results.length - 1];
}

describe('gpsd sample.aivdm, scaled JSON', () => {
  it('has the 96 aligned messages', () => {
    expect(pairs.length).toBe(96);
  });

  pairs.forEach((pair, index) => {
    const e = pair.expected;
    it(`#${index} type ${e.type} mmsi ${e.mmsi}`, () => {
      const r = decode(pair.sentences);
      if (e.mmsi === 972158237) {
        // Base station report with lon 205°, lat 109°: gpsd prints them, Tumen rejects the message.
        expect(r).toMatchObject({ kind: 'reject', reason: 'out_of_range' });
        return;
      }
      expect(r.kind).toBe('message');
      if (r.kind !== 'message') return;
      const m = r.message;
      const structured = (e.type === 6 || e.type === 8) && !('data' in e);
      const decodedApplication = structured && e.dac === 1 && (e.type === 8 ? [11, 31] : [12]).includes(e.fid as number);
      if (decodedApplication) decodedApplications++;
      for (const [key, want] of Object.entries(e)) {
        if (NOT_FIELDS.has(key)) continue;
        const got = m[key];
        if (decodedApplication && !['type', 'repeat', 'mmsi', 'dac', 'fid', 'seqno', 'dest_mmsi', 'retransmit'].includes(key)) {
          // DAC 1 FID 11/12/31 (src/ais/applications.ts): gpsd's names and values, N/A codes as null.
          expect(fieldsAgree(key, want, m), `${key}: gpsd ${JSON.stringify(want)} tumen ${JSON.stringify(got)}`).toBe(true);
          continue;
        }
        if (structured && !['type', 'repeat', 'mmsi', 'dac', 'fid', 'seqno', 'dest_mmsi', 'retransmit'].includes(key)) {
          // Other DAC/FID application payloads are not interpreted: Tumen gives the raw bits instead.
          expect(got, key).toBeUndefined();
          continue;
        }
        if (e.type === 24 && key !== 'shipname' && !['type', 'repeat', 'mmsi'].includes(key)) {
          // gpsd merged this part B with a part A earlier in its sample file (not in the pair): Tumen
          // merges the same way (test/ais/type24-merge.test.ts), but the pair alone has no part A.
          expect(got, key).toBeUndefined();
          continue;
        }
        if (NULLED[key]?.includes(want)) {
          expect(got, key).toBeNull();
          continue;
        }
        if (key === 'status_text' && want === 'Restricted maneuverability') {
          // The pairs come from a newer gpsd; Tumen words the texts as gpsd 3.22 (Debian gpsd-clients).
          expect(got).toBe('Restricted manoeuverability');
          continue;
        }
        if (key === 'turn' && want === '0.00') {
          expect(got).toBe(0); // gpsd 3.22's gpsdecode prints 0 too
          continue;
        }
        if (e.type === 17 && (key === 'lat' || key === 'lon')) {
          // gpsd prints one decimal; Tumen keeps the full 1/10-minute resolution.
          expect(Math.abs((got as number) - (want as number)), key).toBeLessThanOrEqual(0.05);
          continue;
        }
        if ((e.type === 22 || e.type === 23) && /^(ne|sw)_(lat|lon)$/.test(key)) {
          // gpsd prints these corners as strings; Tumen as numbers.
          expect(got as number, key).toBeCloseTo(Number(want), 4);
          continue;
        }
        if (e.type === 26 && key === 'radio') {
          // gpsd does not decode the type 26 radio status (prints 0); Tumen reads the trailing 20 bits.
          expect(typeof got, key).toBe('number');
          continue;
        }
        if (e.type === 26 && key === 'data') {
          // Same bit count and bytes; gpsd's last byte carries radio bits past the data, Tumen's is zero-padded.
          const [wantBits, wantHex] = String(want).split(':');
          const [gotBits, gotHex] = String(got).split(':');
          expect(gotBits).toBe(wantBits);
          expect(gotHex.slice(0, -2)).toBe(wantHex.slice(0, -2));
          continue;
        }
        if (typeof want === 'number' && !Number.isInteger(want)) {
          expect(got as number, key).toBeCloseTo(want, 6);
          continue;
        }
        expect(got, key).toEqual(want);
      }
      if (structured) expect(typeof m.data).toBe('string');
    });
  });
});

describe('gpsd sample.aivdm, DAC/FID applications', () => {
  it('decodes the 12 meteorological and dangerous cargo messages of the sample', () => {
    expect(decodedApplications).toBe(12);
  });
});

describe('gpsd field values spot checks', () => {
  it('type 1: every field of the first sample', () => {
    const r = decode(['!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A']);
    expect(r.kind === 'message' && (r.message as AisMessage)).toEqual({
      type: 1, repeat: 0, mmsi: 371798000, status: 0, status_text: 'Under way using engine', turn: 'fastleft',
      speed: 12.3, accuracy: true, lon: -123.3953833, lat: 48.3816333, course: 224, heading: 215, second: 33,
      maneuver: 0, raim: false, radio: 34017,
    });
  });

  it('type 5 across two sentences: text fields trimmed of @ and spaces', () => {
    const r = decode([
      '!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C',
      '!AIVDM,2,2,1,A,88888888880,2*25',
    ]);
    expect(r.kind).toBe('message');
    if (r.kind !== 'message') return;
    expect(r.message).toMatchObject({ shipname: 'EVER DIADEM', callsign: '3FOF8', destination: 'NEW YORK', draught: 12.2, eta: '05-15T14:00Z', imo: 9134270 });
    expect(r.payload).toBe('55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp888888888880');
  });
});

describe('rate of turn as gpsd 3.22 renders it', () => {
  // |turn| from `gpsdecode -j` for raw ROT -126..126 (it drops the sign; Tumen keeps it: see docs).
  const GPSD_MAGNITUDE: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 1, 5: 1, 10: 4, 20: 18, 50: 112, 100: 446, 126: 709 };
  const line = (raw: number): string => {
    // A type 1 report whose only non-zero fields are mmsi 211000000 and the rate of turn.
    const bits = '000001' + '00' + (211000000).toString(2).padStart(30, '0') + '0000' + (raw & 0xff).toString(2).padStart(8, '0') + '0'.repeat(118);
    let payload = '';
    for (let i = 0; i < bits.length; i += 6) {
      const v = parseInt(bits.slice(i, i + 6), 2);
      payload += String.fromCharCode(v < 40 ? v + 48 : v + 56);
    }
    const body = `AIVDM,1,1,,A,${payload},0`;
    let x = 0;
    for (let i = 0; i < body.length; i++) x ^= body.charCodeAt(i);
    return `!${body}*${x.toString(16).toUpperCase().padStart(2, '0')}`;
  };
  for (const [raw, magnitude] of Object.entries(GPSD_MAGNITUDE)) {
    it(`raw ±${raw} -> ±${magnitude} deg/min`, () => {
      const right = decode([line(Number(raw))]);
      const left = decode([line(-Number(raw))]);
      expect(right.kind === 'message' && right.message.turn).toBe(magnitude);
      expect(left.kind === 'message' && left.message.turn).toBe(magnitude === 0 ? 0 : -magnitude);
    });
  }
});
