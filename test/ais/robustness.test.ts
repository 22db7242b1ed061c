// Real files full of junk never make the decoder throw, and every line ends up in exactly one count.
import { describe, expect, it } from 'vitest';
import { AisDecoder } from '../../src/ais/index.js';
import { decodeAll, fixtureLines, messagesOf } from './helpers.js';

const sum = (c: Record<string, number>): number => Object.values(c).reduce((a, b) => a + b, 0);

/** file -> counts asserted after flush() (reviewed by hand against the files). */
const FILES: Record<string, Record<string, number>> = {
  'pyais-mixed.txt': { message: 10, fragment: 2, blank: 7, comment: 5, non_ais: 8, checksum: 3 },
  'pyais-messages.ais': { message: 6, blank: 3, comment: 2 },
  'pyais-nmea_data_sample.txt': { message: 778, truncated: 100, incomplete_multipart: 20 },
  'dma-small_cb_example.txt': { message: 11, fragment: 4, blank: 5, non_ais: 6, incomplete_multipart: 1 },
  'amsa-ais.txt.gz': { message: 33603, non_ais: 10658, checksum: 3, framing: 13, truncated: 23, unknown_type: 1, incomplete_multipart: 4, out_of_range: 382 },
  'dma-stream_example.txt.gz': { message: 4049, fragment: 449, non_ais: 4051, out_of_range: 2 },
};

describe('robustness on real captures', () => {
  for (const [name, want] of Object.entries(FILES)) {
    it(`${name}: no throw, counts add up to the lines`, () => {
      const lines = fixtureLines(name);
      const { decoder } = decodeAll(lines);
      decoder.flush();
      expect(sum(decoder.counts)).toBe(lines.length);
      const nonZero = Object.fromEntries(Object.entries(decoder.counts).filter(([, v]) => v > 0));
      expect(nonZero).toEqual(want);
    });
  }

  it('arbitrary bytes, truncations and mutations of real sentences never throw', () => {
    const base = fixtureLines('dma-small_cb_example.txt').concat(fixtureLines('libais-typeexamples.nmea'));
    const d = new AisDecoder();
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let lines = 0;
    for (let k = 0; k < 5000; k++) {
      const src = base[rand(base.length)];
      let l = src;
      const op = rand(4);
      if (op === 0) l = src.slice(0, rand(src.length + 1));
      else if (op === 1) l = src.slice(0, rand(src.length)) + String.fromCharCode(rand(256)) + src.slice(rand(src.length));
      else if (op === 2) l = Array.from({ length: rand(90) }, () => String.fromCharCode(rand(128))).join('');
      else l = src.replace(/,\d\*/, `,${rand(10)}*`);
      d.decodeLine(l);
      lines++;
    }
    d.flush();
    expect(sum(d.counts)).toBe(lines);
  });
});

describe('framings and metadata', () => {
  it('Gatehouse $PGHP gives the time (and shore station) of the following sentence', () => {
    const { results } = decodeAll(fixtureLines('pyais-gatehouse.nmea'));
    const msgs = results.filter((r) => r.kind === 'message');
    expect(msgs.length).toBe(4);
    expect(msgs[0]).toMatchObject({ meta: { timeMs: Date.UTC(2008, 4, 9, 0, 0, 0, 10) } });
  });

  it('exactEarth: the $PGHP observation time wins over the trailing epoch (kept as arrival); source satellite', () => {
    const { results } = decodeAll(fixtureLines('amsa-exact-earth-augmented-head60.txt'));
    const msgs = messagesOf(results);
    expect(msgs[0].meta).toEqual({
      timeMs: Date.UTC(2012, 0, 31, 5, 7, 2, 151), arrivalMs: 1327992119173, station: '316000002', source: 'satellite',
    });
    const both = msgs.filter((m) => m.meta.arrivalMs !== null);
    expect(both.length).toBe(16);
    for (const m of both) {
      expect(m.meta.source).toBe('satellite');
      // Arrival 20-120 min after the observation.
      expect(m.meta.arrivalMs! - m.meta.timeMs!).toBeGreaterThan(15 * 60_000);
    }
    // A report's own UTC second is within 30 s after the $PGHP second (mod 60); the arrival's is not bound to it.
    for (const m of both.filter((x) => typeof x.message.second === 'number' && (x.message.second as number) < 60)) {
      const lag = (((m.message.second as number) - new Date(m.meta.timeMs!).getUTCSeconds()) % 60 + 60) % 60;
      expect(lag).toBeLessThanOrEqual(30);
    }
  });

  it('a trailing epoch without $PGHP is the time; no arrival', () => {
    const r = new AisDecoder().decodeLine('!AIVDM,1,1,,B,H52KsnQ8DDj1Lu9@PhE=>222220,2*30,1327664821');
    expect(r).toMatchObject({ kind: 'message', meta: { timeMs: 1327664821000, arrivalMs: null, source: null } });
  });

  it('terrestrial Gatehouse $PGHP (DMA, online data "1") is not satellite', () => {
    const d = new AisDecoder();
    d.decodeLine('$PGHP,1,2013,3,18,9,19,9,499,219,,2190048,1,28*23');
    const r = d.decodeLine('!AIVDM,1,1,,B,H52KsnQ8DDj1Lu9@PhE=>222220,2*30');
    expect(r).toMatchObject({ kind: 'message', meta: { timeMs: Date.UTC(2013, 2, 18, 9, 19, 9, 499), source: null, station: '2190048' } });
  });

  it('USCG trailing fields: station and UNIX time; talkers and channels of every kind', () => {
    const d = new AisDecoder();
    const r = d.decodeLine('!AIVDM,1,1,,A,15N1u<PP1FJuvSRHOE6QIwwh0HQ6,0*30,d-080,S2118,t050056.00,T56.4837741,r003669946,1325394060,1325394001');
    expect(r).toMatchObject({ kind: 'message', meta: { station: '003669946', timeMs: 1325394060000 } });
    for (const l of ['!ABVDM,1,1,6,B,1G7lQJ001PbomTie:ms2sR@40000,0*34', '!AIVDO,1,1,,,B000000002EgKjv=lCL03wQ5wP06,0*0F',
      '!BSVDM,1,1,,2,D02E34iFTg6D000000000000002gjG2,0*6C']) {
      expect(['message', 'reject']).toContain(d.decodeLine(l).kind);
    }
    expect(d.decodeLine('!AIVDM,1,1,,1,15RTgt0PAso;90TKcjM8h6g208CQ,0*3A').kind).toBe('message');
  });

  it('a logger prefix before the sentence is tolerated', () => {
    const r = new AisDecoder().decodeLine('2012-01-27 11:47:02 !AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A');
    expect(r).toMatchObject({ kind: 'message', message: { mmsi: 371798000 } });
  });

  it('reject reasons', () => {
    const d = new AisDecoder();
    expect(d.decodeLine('!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4B')).toMatchObject({ reason: 'checksum' });
    expect(d.decodeLine('!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0')).toMatchObject({ reason: 'framing' });
    expect(d.decodeLine('!AIVDM,1,1,,B,,0*25')).toMatchObject({ reason: 'truncated' });
    expect(d.decodeLine('!AIVDM,1,1,,A,15RTgt0PAso,0*0A')).toMatchObject({ reason: 'truncated' });
    expect(d.decodeLine('!BSVDM,1,1,,B,wa?NCnmBsOug?G?Vgm?4?w0,2*1D')).toMatchObject({ reason: 'unknown_type' });
    expect(d.decodeLine('!AIVDO,1,1,,,B000000002EgKjv=lCL03wQ5wP06,0*0F')).toMatchObject({ reason: 'out_of_range', detail: 'type 18: mmsi 0' });
    expect(d.decodeLine('$GPZDA,114702.51,27,01,2012,,*66')).toEqual({ kind: 'skip', reason: 'non_ais' });
    expect(d.decodeLine('# a comment')).toEqual({ kind: 'skip', reason: 'comment' });
    expect(d.decodeLine('  \r')).toEqual({ kind: 'skip', reason: 'blank' });
  });
});

describe('bounds', () => {
  it('an over-long payload (single or joined) is a framing reject, not an oversized message', () => {
    const sentence = (body: string): string => {
      let x = 0;
      for (let i = 0; i < body.length; i++) x ^= body.charCodeAt(i);
      return `!${body}*${x.toString(16).toUpperCase().padStart(2, '0')}`;
    };
    const d = new AisDecoder();
    expect(d.decodeLine(sentence(`AIVDM,1,1,,A,8${'w'.repeat(2000)},0`))).toMatchObject({ kind: 'reject', reason: 'framing' });
    for (let k = 1; k < 9; k++) d.decodeLine(sentence(`AIVDM,9,${k},3,A,8${'w'.repeat(199)},0`));
    expect(d.decodeLine(sentence(`AIVDM,9,9,3,A,${'w'.repeat(200)},0`))).toMatchObject({ kind: 'reject', reason: 'framing' });
    expect(d.counts).toMatchObject({ framing: 2, incomplete_multipart: 8, fragment: 0 });
    // The longest real shape, 5 sentences of type 8, still decodes.
    for (let k = 1; k < 5; k++) d.decodeLine(sentence(`AIVDM,5,${k},4,A,8${'w'.repeat(59)},0`));
    expect(d.decodeLine(sentence(`AIVDM,5,5,4,A,${'w'.repeat(60)},0`))).toMatchObject({ kind: 'message', message: { type: 8 } });
  });
});

describe('station names', () => {
  it('an absurdly long station name is a framing reject', () => {
    const r = new AisDecoder().decodeLine(`!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A,r${'X'.repeat(500)},1325394060`);
    expect(r).toMatchObject({ kind: 'reject', reason: 'framing' });
  });
});
