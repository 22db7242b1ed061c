// Multi-sentence reassembly: interleaving, missing and duplicate fragments, timeouts, the buffer bound.
import { describe, expect, it } from 'vitest';
import { AisDecoder } from '../../src/ais/index.js';

// A real two-part type 5 (gpsd sample.aivdm) and a second one on another sequence id.
const A1 = '!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C';
const A2 = '!AIVDM,2,2,1,A,88888888880,2*25';
const B1 = '!AIVDM,2,1,2,A,542M92h00001@<7;?G0PD4i@R0<tqA8tj37>220o0h:2240Ht500000000000000,0*3C';
const B2 = '!AIVDM,2,2,2,A,0000002,2*24';
const POS = '!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A';

const sum = (c: Record<string, number>): number => Object.values(c).reduce((a, b) => a + b, 0);

describe('multipart reassembly', () => {
  it('joins in order', () => {
    const d = new AisDecoder();
    expect(d.decodeLine(A1)).toEqual({ kind: 'fragment' });
    expect(d.decodeLine(A2)).toMatchObject({ kind: 'message', message: { mmsi: 351759000, shipname: 'EVER DIADEM' } });
  });

  it('interleaved messages on different sequence ids, with a single-part one between', () => {
    const d = new AisDecoder();
    const out = [A1, B1, POS, B2, A2].map((l) => d.decodeLine(l));
    const mmsis = out.flatMap((r) => (r.kind === 'message' ? [r.message.mmsi] : []));
    expect(mmsis).toEqual([371798000, 271010059, 351759000]);
    expect(d.counts).toMatchObject({ message: 3, fragment: 2 });
  });

  it('the same sequence id from two stations (tag block s:) does not mix', () => {
    const d = new AisDecoder();
    const r1 = d.decodeLine('\\s:north*26\\' + A1);
    const r2 = d.decodeLine('\\s:south*3C\\' + B1.replace(',2,A,', ',1,A,').replace('*3C', '*3F'));
    const r3 = d.decodeLine('\\s:north*26\\' + A2);
    expect([r1.kind, r2.kind]).toEqual(['fragment', 'fragment']);
    expect(r3).toMatchObject({ kind: 'message', message: { mmsi: 351759000 }, meta: { station: 'north' } });
  });

  it('a missing first fragment: the orphan second part is rejected', () => {
    const d = new AisDecoder();
    expect(d.decodeLine(A2)).toMatchObject({ kind: 'reject', reason: 'incomplete_multipart' });
  });

  it('a missing last fragment: flush() reports it and the counts still add up', () => {
    const d = new AisDecoder();
    d.decodeLine(A1);
    d.decodeLine(POS);
    const left = d.flush();
    expect(left).toHaveLength(1);
    expect(left[0].reason).toBe('incomplete_multipart');
    expect(d.counts).toMatchObject({ message: 1, fragment: 0, incomplete_multipart: 1 });
    expect(sum(d.counts)).toBe(2);
  });

  it('a restarted sequence drops the unfinished one', () => {
    const d = new AisDecoder();
    d.decodeLine(A1);
    d.decodeLine(A1);
    expect(d.decodeLine(A2)).toMatchObject({ kind: 'message' });
    expect(d.counts).toMatchObject({ message: 1, fragment: 1, incomplete_multipart: 1 });
  });

  it('a duplicate fragment is rejected, the message still completes', () => {
    const d = new AisDecoder();
    const three = [
      '!AIVDM,3,1,7,A,85Mwp=iKfGwushJ?gNlt2QU3osVGe:4?cNhQqf2VH8t,0*08',
      '!AIVDM,3,2,7,A,?A;J6b7AwuiqIGLeNiKCPDR7HQR<u;TTFufegr>kCSF,0*41',
      '!AIVDM,3,3,7,A,Uq:1Kk`e8,4*27',
    ];
    d.decodeLine(three[0]);
    d.decodeLine(three[1]);
    expect(d.decodeLine(three[1])).toMatchObject({ kind: 'reject', reason: 'incomplete_multipart' });
    expect(d.decodeLine(three[2])).toMatchObject({ kind: 'message', message: { type: 8, mmsi: 366999607, dac: 366, fid: 57 } });
  });

  it('times out by line count', () => {
    const d = new AisDecoder({ fragmentTimeoutLines: 3 });
    d.decodeLine(A1);
    for (let i = 0; i < 4; i++) d.decodeLine(POS);
    expect(d.counts.incomplete_multipart).toBe(1);
    expect(d.decodeLine(A2)).toMatchObject({ kind: 'reject', reason: 'incomplete_multipart' });
    expect(sum(d.counts)).toBe(6);
  });

  it('times out by line time from the same station, not by the clock', () => {
    const d = new AisDecoder({ fragmentTimeoutMs: 10_000 });
    d.decodeLine('\\c:1000000000*58\\' + A1);
    d.decodeLine('\\c:1000000005*5D\\' + POS);
    expect(d.counts.incomplete_multipart).toBe(0);
    d.decodeLine('\\c:1000000020*5A\\' + POS);
    expect(d.counts.incomplete_multipart).toBe(1);
  });

  it('bounds the buffer of waiting messages', () => {
    const d = new AisDecoder({ maxPendingFragments: 2 });
    for (let seq = 0; seq < 5; seq++) d.decodeLine(withChecksum(`AIVDM,2,1,${seq},A,55?MbV02;H;s<HtKR20EHE,0`));
    expect(d.counts).toMatchObject({ fragment: 2, incomplete_multipart: 3 });
    expect(d.flush()).toHaveLength(2);
  });

  it('the fill bits come from the last fragment', () => {
    const d = new AisDecoder();
    d.decodeLine('!AIVDM,2,1,1,A,<39KdV8jIGtP7E4P@=PjEP>P81@9P>5GPI9BP?<P4P25CP6B=P1<P6E:19B1,0*02');
    const r = d.decodeLine('!AIVDM,2,2,1,A,80,4*1B');
    expect(r).toMatchObject({ kind: 'message', message: { type: 12, text: 'GUD PM 2U N HAPI NEW YIR OL D BES FRM AL FUJAIRAH' } });
  });
});

function withChecksum(body: string): string {
  let x = 0;
  for (let i = 0; i < body.length; i++) x ^= body.charCodeAt(i);
  return `!${body}*${x.toString(16).toUpperCase().padStart(2, '0')}`;
}
