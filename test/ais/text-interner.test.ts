// Station names read through the interner: the same text as a slice, one string object per repeated name.
import { describe, expect, it } from 'vitest';
import { TextInterner } from '../../src/ais/text-interner.js';
import { AisDecoder } from '../../src/ais/index.js';

describe('TextInterner', () => {
  it('returns the text of the range, and the same string object when the name repeats', () => {
    const t = new TextInterner();
    const line = 'xxKRTGA1yyKRSOK1zzKRTGA1';
    const a = t.read(line, 2, 8);
    const b = t.read(line, 10, 16);
    const c = t.read(line, 18, 24);
    expect([a, b, c]).toEqual(['KRTGA1', 'KRSOK1', 'KRTGA1']);
    expect(Object.is(a, c)).toBe(true);
  });

  it('gives the right text for every one of many names, whichever share a slot', () => {
    const t = new TextInterner();
    const names = Array.from({ length: 2000 }, (_, i) => `st${(i * 7919) % 100003}\u00e9`);
    const line = names.join(',');
    for (let round = 0; round < 3; round++) {
      let at = 0;
      for (const n of names) {
        expect(t.read(line, at, at + n.length)).toBe(n);
        at += n.length + 1;
      }
    }
  });

  it('slices empty and long texts as they are', () => {
    const t = new TextInterner();
    const long = 'S'.repeat(40);
    expect(t.read(`a${long}b`, 1, 41)).toBe(long);
    expect(t.read('abc', 1, 1)).toBe('');
  });
});

describe('decoder station names', () => {
  it('lines of one station share one station string, with the station as written', () => {
    const d = new AisDecoder();
    const lines = [
      '\\s:KRTGA1,c:1709251200*4D\\!AIVDM,1,1,,A,B6TNm?P0F2DD<95KVfOOswP4QIdF,0*1F',
      '\\s:KRSOK1,c:1709251200*48\\!AIVDM,1,1,,A,B6TNm?P0F2DD<95KVfOOswP4QIdF,0*1F',
      '\\s:KRTGA1,c:1709251200*4D\\!AIVDM,1,1,,A,B6TNm?P0F2DD<95KVfOOswP4QIdF,0*1F',
    ];
    const stations = lines.map((l) => {
      const r = d.decodeLine(l);
      if (r.kind !== 'message') throw new Error(`not a message: ${JSON.stringify(r)}`);
      return r.meta.station as string;
    });
    expect(stations).toEqual(['KRTGA1', 'KRSOK1', 'KRTGA1']);
    expect(Object.is(stations[0], stations[2])).toBe(true);
  });
});
