// A position reception the batch already holds is recognised before its fields are decoded: the decoder
// asks only for timed one-sentence reports of types 1-3 and 18, and the batch's rows and counts come out as
// when every reception is decoded in full.
import { describe, expect, it } from 'vitest';
import { AisDecoder, TAKEN_POSITION } from '../../src/ais/index.js';
import { NmeaDecodeStage } from '../../src/ingest/nmea-decode.js';
import { emptyCounts } from '../../src/store/ingest-log.js';

const TYPE1 = '176sgl0P1w9QIJ6DPo7Lf:<01RP0';
const T0 = 1709251200;
const type1 = (station: string, t = T0) => tagged(`s:${station},c:${t}`, `!AIVDM,1,1,,B,${TYPE1},0`);
const TYPE18 = tagged('s:KRTGA1,c:1709251200', '!AIVDM,1,1,,A,B6TNm?P0F2DD<95KVfOOswP4QIdF,0');
const TYPE5_PART1 = tagged('s:JPMAI1,c:1709251203', '!AIVDM,2,1,0,A,56Sa0?P2Ffod@E@4oD0Lth@Dr0Hu9ADpD0000016C8T<>40HtA3@BFUDU@00,0');

function tagged(tag: string, sentence: string): string {
  return `\\${tag}*${sum(tag)}\\${sentence}*${sum(sentence.slice(1))}`;
}

function sum(s: string): string {
  let x = 0;
  for (let i = 0; i < s.length; i++) x ^= s.charCodeAt(i);
  return x.toString(16).toUpperCase().padStart(2, '0');
}

describe('AisDecoder takePosition', () => {
  it('asks for a timed type 1 or 18 report and returns TAKEN_POSITION when told it is known', () => {
    const asked: Array<[string, number, string | null]> = [];
    const d = new AisDecoder({ takePosition: (text, start, end, timeMs, station) => (asked.push([text.slice(start, end), timeMs, station]), true) });
    expect(d.decodeLine(type1('JPSMN1'))).toBe(TAKEN_POSITION);
    expect(d.decodeLine(TYPE18)).toBe(TAKEN_POSITION);
    expect(asked).toEqual([[TYPE1, T0 * 1000, 'JPSMN1'], ['B6TNm?P0F2DD<95KVfOOswP4QIdF', T0 * 1000, 'KRTGA1']]);
    expect(d.counts.message).toBe(2);
  });

  it('decodes in full when not known, and never asks for untimed, multipart or implausibly timed lines', () => {
    let asked = 0;
    const d = new AisDecoder({ maxTimeMs: Date.UTC(2025, 0, 1), takePosition: () => (asked++, false) });
    const r = d.decodeLine(type1('JPSMN1'));
    expect(r.kind === 'message' && r.message.type).toBe(1);
    expect(asked).toBe(1);
    expect(d.decodeLine(`!AIVDM,1,1,,B,${TYPE1},0*${sum(`AIVDM,1,1,,B,${TYPE1},0`)}`).kind).toBe('message');
    expect(d.decodeLine(TYPE5_PART1).kind).toBe('fragment');
    expect(d.decodeLine(type1('JPSMN1', 1893456000)).kind).toBe('reject'); // 2030: bad_time
    expect(asked).toBe(1);
  });
});

describe('NmeaDecodeStage with known positions', () => {
  const opts = { startMs: null, source: null, strict: false, batchRows: 100, label: 'x', timeWindow: { minMs: 0, maxMs: 8.64e15 } };

  it('merges a repeated reception into the row, counts it a duplicate, and keeps a new one 31 s later', () => {
    const stage = new NmeaDecodeStage(opts, emptyCounts(), null);
    stage.line(type1('JPSMN1'), 1, true);
    stage.line(type1('KRTGA1', T0 + 20), 2, true);
    stage.line(type1('KRTGA1', T0 + 51), 3, true);
    const { batch, counts } = stage.take();
    expect(batch.length).toBe(2);
    expect(batch.stations.values[batch.stations.codes[0]]).toBe('JPSMN1,KRTGA1');
    expect(batch.stations.values[batch.stations.codes[1]]).toBe('KRTGA1');
    expect(counts.messages).toBe(3);
    expect(counts.duplicates).toBe(1);
    expect(stage.carryTimeMs).toBe((T0 + 51) * 1000);
  });

  it('stores a new report read from its bits with the fields of the full decode, counted as a message, not a duplicate', () => {
    const stage = new NmeaDecodeStage(opts, emptyCounts(), null);
    stage.line(type1('JPSMN1'), 1, true);
    stage.line(TYPE18, 2, true);
    const { batch, counts } = stage.take();
    expect(counts.messages).toBe(2);
    expect(counts.duplicates).toBe(0);
    expect(batch.length).toBe(2);
    const plain = new AisDecoder();
    [type1('JPSMN1'), TYPE18].forEach((line, i) => {
      const r = plain.decodeLine(line);
      if (r.kind !== 'message') throw new Error('not decoded');
      const m = r.message;
      expect([batch.mmsi[i], batch.lat[i], batch.lon[i], batch.type[i], batch.source[i]]).toEqual([m.mmsi, m.lat, m.lon, m.type, 0]);
      expect(batch.speed[i]).toBe(Math.fround(m.speed as number));
      expect(batch.course[i]).toBe(Math.fround(m.course as number));
      expect(batch.heading[i]).toBe(m.heading === null ? -1 : m.heading);
      expect(batch.status[i]).toBe(m.type <= 3 ? m.status : 255);
    });
  });

  it('leaves the batch alone for a context line (decoded, not counted)', () => {
    const stage = new NmeaDecodeStage(opts, emptyCounts(), null);
    stage.line(type1('KRTGA1'), 1, true);
    stage.line(type1('JPSMN1'), 1, false);
    stage.line(type1('RUVVO1'), 2, true);
    const { batch, counts } = stage.take();
    expect(batch.length).toBe(1);
    expect(batch.stations.values[batch.stations.codes[0]]).toBe('KRTGA1,RUVVO1');
    expect(counts.messages).toBe(2);
    expect(counts.duplicates).toBe(1);
  });
});
