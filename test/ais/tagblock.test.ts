// NMEA 4.0 tag blocks against libais's expected parse, plus checksum handling and g: grouping.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AisDecoder } from '../../src/ais/index.js';
import { parseTagBlock } from '../../src/ais/tagblock.js';
import { decodeAll, fixtureLines, FIXTURES, messagesOf } from './helpers.js';

describe('tag blocks (libais tagblock.nmea)', () => {
  const expected: Array<Record<string, unknown>> = readFileSync(FIXTURES + 'libais-tagblock.json', 'utf8')
    .trim().split('\n').map((l) => JSON.parse(l));
  const { results, decoder } = decodeAll(fixtureLines('libais-tagblock.nmea'));
  const messages = messagesOf(results);

  it('decodes four messages, one of them a g:-grouped pair interleaved with another sentence', () => {
    expect(messages.map((m) => m.message.type)).toEqual([1, 5, 1, 1]);
    expect(decoder.counts.fragment).toBe(1);
  });

  it('station, time and fields match libais', () => {
    // libais lists the messages in completion order too.
    messages.forEach((m, i) => {
      const e = expected[i];
      expect(m.message.mmsi).toBe(e.mmsi);
      expect(m.meta.station).toBe(e.tagblock_station);
      expect(new Date(m.meta.timeMs as number).toISOString().slice(0, 19)).toBe(String(e.tagblock_timestamp).slice(0, 19));
      expect(m.meta.source).toBe('satellite'); // ORBCOMM stations
    });
    expect(messages[1].message).toMatchObject({ shipname: 'ROSINANTE', callsign: 'XPD5019', to_bow: 9, to_stern: 3 });
  });
});

describe('tag block details', () => {
  it('c: in milliseconds and in seconds', () => {
    const d = new AisDecoder();
    const ms = d.decodeLine('\\s:r1,c:1334337317123*48\\!AIVDM,1,1,,B,19NWuLhuRb5QHfCpPcwj`26B0<02,0*5F');
    const s = d.decodeLine('\\s:rEV02,c:1334337317*58\\!AIVDM,1,1,,B,19NWuLhuRb5QHfCpPcwj`26B0<02,0*5F');
    expect(ms).toMatchObject({ kind: 'message', meta: { timeMs: 1334337317123, station: 'r1' } });
    expect(s).toMatchObject({ kind: 'message', meta: { timeMs: 1334337317000, station: 'rEV02' } });
  });

  it('the hand-parsed c:/s: fields agree with the general parser (fractions, 16 digits, empty, junk)', () => {
    const parse = (body: string) => {
      const r = parseTagBlock(body, 0, body.length);
      if (!r.ok) throw new Error(r.detail);
      return [r.tag.timeMs, r.tag.station];
    };
    expect(parse('c:1709251200,s:KRKPO1')).toEqual([1709251200000, 'KRKPO1']);
    expect(parse('s:rEV02,c:1334337317123')).toEqual([1334337317123, 'rEV02']);
    expect(parse('c:1334337317.5')).toEqual([1334337317500, null]);
    expect(parse('c:999999999999999')).toEqual([999999999999999, null]); // 15 digits: milliseconds, year 33658
    expect(parse('c:8640000000000001')[0]).toBe(8640000000000001); // 16 digits: the general path
    expect(parse('c:')[0]).toBeNaN();
    expect(parse('c:12x4')[0]).toBeNaN();
    expect(parse('s:,c:1')).toEqual([1000, null]);
  });

  it('reads the checksum digits in place as parseInt did: either case, "00" a placeholder, odd forms as before', () => {
    const check = (body: string) => {
      const r = parseTagBlock(body, 0, body.length);
      return r.ok ? r.tag.checksum : r.reason;
    };
    expect(check('s:rEV02,c:1334337317*58')).toBe('exact');
    expect(check('c:1334337317*5e')).toBe('exact');
    expect(check('c:1334337317*5E')).toBe('exact');
    expect(check('c:1334337317*5F')).toBe('checksum');
    expect(check('c:1334337317*00')).toBe('placeholder');
    expect(check('c:1334337317*0')).toBe('checksum'); // one digit: a checksum of 0, not the placeholder
    expect(check('s:AAA*8G')).toBe('exact'); // parseInt reads the "8" only (the body's sum is 8)
    expect(check('c:1334337317*G5')).toBe('framing');
    expect(check('c:1334337317*5E0')).toBe('framing');
  });

  it('a wrong tag block checksum rejects the line', () => {
    const r = new AisDecoder().decodeLine('\\s:rEV02,c:1334337317*59\\!AIVDM,1,1,,B,19NWuLhuRb5QHfCpPcwj`26B0<02,0*5F');
    expect(r).toMatchObject({ kind: 'reject', reason: 'checksum' });
  });

  it('the "*00" placeholder of the AMSA archive is accepted', () => {
    const { decoder, results } = decodeAll(fixtureLines('amsa-nmea-timestamped.txt'));
    expect(decoder.counts.checksum).toBe(0);
    expect(messagesOf(results)[0].meta.timeMs).toBe(1420030798000);
  });

  it('a tag block alone on its line applies to the next sentence', () => {
    const d = new AisDecoder();
    expect(d.decodeLine('\\c:1354719388*56\\')).toEqual({ kind: 'skip', reason: 'non_ais' });
    const r = d.decodeLine('!BSVDM,1,1,,B,14QsDOP01?0nGuHOM4n;vqTn0p4S,0*23');
    expect(r).toMatchObject({ kind: 'message', meta: { timeMs: 1354719388000 } });
  });

  it('old-style grouping "1G2:0125" joins the two parts', () => {
    const d = new AisDecoder();
    d.decodeLine('\\1G2:0125,c:1354719387*0D\\!AIVDM,2,1,4,A,539LiHP2;42`@pE<000<tq@V1<TpL4000000001?1SV@@73R0J0TQCAD,0*1E');
    const r = d.decodeLine('\\2G2:0125*7B\\!AIVDM,2,2,4,A,R0EQCP000000000,2*45');
    expect(r).toMatchObject({ kind: 'message', message: { type: 5, mmsi: 211235170, shipname: "CONTI SINGA" }, meta: { timeMs: 1354719387000 } });
  });

  it('exactEarth g:-grouped file: every multipart message completes', () => {
    const { decoder } = decodeAll(fixtureLines('amsa-exact-earth-with-tag-block.txt'));
    decoder.flush();
    expect(decoder.counts).toMatchObject({ message: 200, fragment: 21, incomplete_multipart: 0 });
  });
});
