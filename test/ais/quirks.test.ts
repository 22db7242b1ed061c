// Quirks of real feeds: accepted with a counted warning (Kystverket's tag block checksum, Navico GoFree's
// extra field, a tag block without "*hh") or rejected with a reason (impossible times), never lost silently.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { AisDecoder, WRITTEN } from '../../src/ais/index.js';
import { decodeAll, fixtureLines, messagesOf } from './helpers.js';

const xor = (s: string) => [...s].reduce((a, c) => a ^ c.charCodeAt(0), 0).toString(16).toUpperCase().padStart(2, '0');

/** A real two-part type 5 (AMSA exactEarth tag-block capture), its tag blocks re-summed as Kystverket does: without g:. */
function kystverketPair(): string[] {
  const [l1, l2] = fixtureLines('amsa-exact-earth-with-tag-block.txt');
  const resum = (line: string) => line.replace(/^\\([^*]*)\*[0-9A-F]{2}\\/, (_m, body: string) =>
    `\\${body}*${xor(body.split(',').filter((f) => !f.startsWith('g:')).join(','))}\\`);
  return [resum(l1), resum(l2)];
}

describe('tag block checksum variants', () => {
  it('Kystverket: a checksum over the tag block without g: is accepted, counted as a warning; the type 5 is kept', () => {
    const lines = kystverketPair();
    expect(lines[0]).toMatch(/^\\g:1-2-3985,s:rEV02,c:1334337317\*58\\/); // 0x58 = XOR of "s:rEV02,c:1334337317"
    const { decoder, results } = decodeAll(lines);
    const msgs = messagesOf(results);
    expect(msgs.length).toBe(1);
    expect(msgs[0].message).toMatchObject({ type: 5, mmsi: 566206000, imo: 9522972, shipname: 'VALE CHINA' }); // as gpsdecode on the original pair;
    expect(msgs[0].meta.timeMs).toBe(1334337317000);
    expect(decoder.warnings.tagblock_checksum_variant).toBe(1); // the second's body without g: is empty: "*00"
    expect(decoder.counts.checksum).toBe(0);
  });

  it('a checksum matching neither form is still rejected', () => {
    const r = new AisDecoder().decodeLine('\\g:1-2-9999,c:1565218798*54\\!AIVDM,1,1,,B,19NWuLhuRb5QHfCpPcwj`26B0<02,0*5F');
    expect(r).toMatchObject({ kind: 'reject', reason: 'checksum' });
  });

  it('a tag block without *hh is accepted and counted', () => {
    const d = new AisDecoder();
    const r = d.decodeLine('\\s:rEV02,c:1334337317\\!AIVDM,1,1,,B,19NWuLhuRb5QHfCpPcwj`26B0<02,0*5F');
    expect(r).toMatchObject({ kind: 'message', meta: { timeMs: 1334337317000, station: 'rEV02' } });
    expect(d.warnings.tagblock_no_checksum).toBe(1);
  });
});

describe('Navico GoFree framing (SignalK gofree-merrimac.log)', () => {
  const file = 'signalk-gofree-merrimac-head.log';
  it('the extra field after the fill bits is accepted: every AIVDM line decodes, as gpsd does', () => {
    const { decoder, results } = decodeAll(fixtureLines(file));
    const msgs = messagesOf(results);
    expect(msgs.length).toBe(24);
    expect(decoder.counts.framing + decoder.counts.checksum).toBe(0);
    expect(decoder.warnings.extra_field).toBe(25); // 23 single + 2 fragments
    const five = msgs.find((m) => m.message.type === 5)!;
    expect(five.message).toMatchObject({ mmsi: 244780378, callsign: 'PCQV', shipname: 'HERCULES (PILOTS)', destination: 'HARLINGEN' });
  });

  it('a second extra field is still framing', () => {
    expect(new AisDecoder().decodeLine('!AIVDM,1,1,1,,13aI8e?P00PGpU:NR6s00?vT2000,0,0,0*00')).toMatchObject({ kind: 'reject', reason: 'framing' });
  });
});

describe('impossible times', () => {
  const sentence = '!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A';
  const tagged = (c: string) => { const body = `s:x,c:${c}`; return `\\${body}*${xor(body)}\\${sentence}`; };

  it('a 16-digit c:, c:1e21, a 15-digit c: (year 20983) are bad_time rejects with the time in the detail', () => {
    const d = new AisDecoder({ maxTimeMs: Date.UTC(2030, 0, 1) });
    expect(d.decodeLine(tagged('8640000000000001'))).toMatchObject({ kind: 'reject', reason: 'bad_time', detail: expect.stringContaining('8640000000000001') });
    expect(d.decodeLine(tagged('1e21'))).toMatchObject({ kind: 'reject', reason: 'bad_time' });
    expect(d.decodeLine(tagged('599999999999999'))).toMatchObject({ kind: 'reject', reason: 'bad_time', detail: expect.stringContaining('+020983') });
    expect(d.decodeLine(tagged('1334337317'))).toMatchObject({ kind: 'message', meta: { timeMs: 1334337317000 } });
    expect(d.counts.bad_time).toBe(3);
  });

  it('before 1990, or after the window the caller gives, is bad_time', () => {
    const d = new AisDecoder({ maxTimeMs: Date.UTC(2012, 0, 1) });
    expect(d.decodeLine(tagged('315532800'))).toMatchObject({ reason: 'bad_time' }); // 1980
    expect(d.decodeLine(tagged('1334337317'))).toMatchObject({ reason: 'bad_time' }); // 2012-04
    d.setTimeWindow(0, Date.UTC(2013, 0, 1));
    expect(d.decodeLine(tagged('1334337317'))).toMatchObject({ kind: 'message' });
  });

  it('$PGHP year -2010, a huge year or month 13 reject the sentence it times (not an untimed message)', () => {
    for (const header of ['$PGHP,1,-2010,6,11,11,46,11,929,244,0,,1,72*00', '$PGHP,1,99999,6,11,11,46,11,929,244,0,,1,72*00', '$PGHP,1,2010,13,11,11,46,11,929,244,0,,1,72*00']) {
      const d = new AisDecoder();
      d.decodeLine(header);
      expect(d.decodeLine(sentence)).toMatchObject({ kind: 'reject', reason: 'bad_time' });
    }
  });

  it('tumen decode: the reproduce line is a counted reject, exit 0; --strict names file:line', () => {
    const bin = new URL('../../bin/tumen.js', import.meta.url).pathname;
    const dir = execFileSync('mktemp', ['-d']).toString().trim();
    const file = `${dir}/bad.nmea`;
    execFileSync('sh', ['-c', `printf '%s\\n' "${tagged('8640000000000001').replace(/\\/g, '\\\\')}" '${sentence}' > ${file}`]);
    const out = execFileSync('node', [bin, 'decode', file], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
    expect(out.trim().split('\n').length).toBe(1); // the untimed copy decodes
    let err = '';
    try {
      execFileSync('node', [bin, 'decode', '--strict', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      err = String((e as { stderr: Buffer }).stderr);
    }
    expect(err).toContain(`${file}:1: bad_time: time 8640000000000001 outside 1990-01-01`);
  });
});



/** The payload with bits [start, start+width) set to `value` (6-bit armour in and out). */
function setBits(payload: string, start: number, width: number, value: number): string {
  const six = [...payload].map((c) => { const v = c.charCodeAt(0) - 48; return v > 40 ? v - 8 : v; });
  for (let i = 0; i < width; i++) {
    const bit = start + i;
    const on = (value >> (width - 1 - i)) & 1;
    const k = Math.floor(bit / 6), sh = 5 - (bit % 6);
    six[k] = (six[k] & ~(1 << sh)) | (on << sh);
  }
  return six.map((v) => String.fromCharCode(v < 40 ? v + 48 : v + 56)).join('');
}

describe('class B heading 360-510', () => {
  const sentence = async (type: 1 | 18, heading: number) => {
    const { encodePositionA, encodePositionB, toSentences } = await import('../../src/ais/encode.js');
    const common = { repeat: 0, mmsi: 338123456, speed: 5.2, accuracy: true, lon: -70.25, lat: 41.5, course: 90, heading: 0, second: 12 };
    const { payload, fillBits } = type === 18 ? encodePositionB(common) : encodePositionA({ ...common, type: 1, status: 0, turn: null });
    return toSentences(setBits(payload, type === 18 ? 124 : 128, 9, heading), fillBits, 'A', 0)[0];
  };

  it('type 18 with heading 400: heading null, the position kept (object and direct JSON paths)', async () => {
    const line = await sentence(18, 400);
    const r = new AisDecoder().decodeLine(line);
    expect(r).toMatchObject({ kind: 'message', message: { type: 18, mmsi: 338123456, heading: null, lat: 41.5, lon: -70.25, speed: 5.2 } });
    const buf = Buffer.alloc(1 << 15);
    const d = new AisDecoder();
    expect(d.decodeLineInto(line, buf, 0)).toBe(WRITTEN);
    const json = JSON.parse(buf.subarray(0, d.writtenEnd).toString('latin1') + '}');
    expect(json).toMatchObject({ type: 18, heading: null, lat: 41.5, lon: -70.25 });
    expect(new AisDecoder().decodeLine(await sentence(18, 359))).toMatchObject({ message: { heading: 359 } });
  });

  it('type 1 with heading 400 is still out_of_range', async () => {
    expect(new AisDecoder().decodeLine(await sentence(1, 400))).toMatchObject({ kind: 'reject', reason: 'out_of_range' });
  });
});

describe('short type 26', () => {
  it('is truncated, with a detail that says why (was "length undefined")', () => {
    const { results } = decodeAll(fixtureLines('amsa-exact-earth-augmented-head60.txt'));
    const r = results.find((x) => x.kind === 'reject' && x.detail.startsWith('type 26'));
    expect(r).toMatchObject({ reason: 'truncated', detail: expect.stringMatching(/^type 26 with \d+ bits: too short for its destination/) });
  });
});
