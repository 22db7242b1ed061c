// Type 24 parts A and B merged as gpsd does: a part B carries the name of the last part A of its MMSI.
// Checked against what gpsdecode 3.22 printed for the DMA stream (it prints only merged records).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AisDecoder, type AisMessage } from '../../src/ais/index.js';
import { encodeStaticA, encodeStaticB, toSentences } from '../../src/ais/encode.js';
import { FIXTURES, decodeAll, fixtureLines, messagesOf } from './helpers.js';

describe('type 24 parts A and B', () => {
  it('every record gpsdecode printed for the DMA stream is a Tumen part B with the same fields', () => {
    const gpsd = readFileSync(`${FIXTURES}gpsdecode/dma-stream_example.type24.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(gpsd.length).toBe(7);
    const ours = messagesOf(decodeAll(fixtureLines('dma-stream_example.txt.gz')).results).map((r) => r.message).filter((m) => m.type === 24);
    const partA = ours.filter((m) => m.partno === 0);
    const partB = ours.filter((m) => m.partno === 1);
    expect(partA.length).toBeGreaterThan(0); // the parts are kept
    for (const g of gpsd) {
      const b = partB.find((m) => m.mmsi === g.mmsi && m.shipname === g.shipname);
      expect(b, `mmsi ${g.mmsi}`).toBeDefined();
      for (const [k, v] of Object.entries(g)) {
        if (!['class', 'device', 'scaled'].includes(k)) expect((b as AisMessage)[k], `${g.mmsi} ${k}`).toEqual(v);
      }
    }
  });

  it('a part B takes the name once; another MMSI or a repeated part B gets none', () => {
    const line = (e: { payload: string; fillBits: number }) => toSentences(e.payload, e.fillBits, 'A', 0)[0];
    const a = line(encodeStaticA({ mmsi: 211453630, shipname: 'RAAN' }));
    const fieldsB = { mmsi: 211453630, shiptype: 36, vendorid: 'NAV', callsign: 'DH3468', to_bow: 10, to_stern: 2, to_port: 1, to_starboard: 1 };
    const b = line(encodeStaticB(fieldsB));
    const other = line(encodeStaticB({ ...fieldsB, mmsi: 211453631 }));
    const d = new AisDecoder();
    const got = [a, other, b, b].map((l) => d.decodeLine(l));
    const msgs = got.map((r) => (r.kind === 'message' ? r.message : null));
    expect(msgs[0]).toMatchObject({ partno: 0, shipname: 'RAAN' });
    expect(msgs[1]?.shipname).toBeUndefined();
    expect(msgs[2]).toMatchObject({ partno: 1, shipname: 'RAAN', callsign: 'DH3468', shiptype: 36 });
    expect(msgs[3]?.shipname).toBeUndefined();
  });
});
