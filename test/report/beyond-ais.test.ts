// The report's imagery section shows at most the scenes it was given and says how many were left out; its
// fuel section lists the events not counted as deliveries with why.
import { describe, expect, it } from 'vitest';
import { beyondAisSections, type ReportImageryScene } from '../../src/report/beyond-ais.js';

const scene = (i: number): ReportImageryScene => ({
  event_id: 'dpc-1', scene_id: `S${i}`, time: '2024-03-03T02:00:00Z', sensor: 'optical',
  counts: { detections: 1, matched: 0, dark: 1, missed: 0 },
  detections: [{ detection_id: `d${i}`, lat: 42.24, lon: 130.3, mmsi: null, confidence: 0.1, dark: true, length_m: 101, candidates: [] }],
});

describe('imagery section of the report', () => {
  it('says how many scenes were omitted and how many events were not looked up', () => {
    const html = beyondAisSections({ imagery: Array.from({ length: 12 }, (_, i) => scene(i)), imageryOmitted: { scenes: 7, eventsNotRead: 2, maxScenes: 12 } });
    expect(html).toContain('Only the first 12 scenes are shown: 7 more bear on these events and are omitted; the scenes of 2 further events were not looked up');
    expect(html.match(/<tr>/g)!.length).toBe(1 + 12);
  });
  it('says nothing of omissions when every scene is shown', () => {
    const html = beyondAisSections({ imagery: [scene(1)] });
    expect(html).toContain('Satellite imagery during the events');
    expect(html).not.toContain('Only the first');
  });
});

describe('fuel section of the report', () => {
  const aside = { mmsi: 351597580, kind: 'sts', event_id: 'encounter-5ef6', start: '2024-03-05T10:50:00Z', port: null, why: 'no transfer shown: the partner sailed on to Busan (KR) <visibly>', vessel: { name: 'STAR BRIDGE 82', flag: 'PA' } };
  it('lists the meetings and silences not counted, with the reason, even when none of the events is a delivery', () => {
    const html = beyondAisSections({ fuel: { capBbl: 500_000, deliveries: [], years: [], set_aside: [aside] } });
    expect(html).toContain('<h2>Fuel deliveries (UNSCR 2397 cap: 500,000 bbl a year)</h2><h3>Not counted as deliveries</h3>');
    expect(html).toContain('<tr><td>2024-03-05 10:50Z</td><td>STAR BRIDGE 82 (PA, MMSI 351597580)</td><td>sts (encounter-5ef6)</td><td>no transfer shown: the partner sailed on to Busan (KR) &lt;visibly&gt;</td></tr>');
  });
  it('lists the pending ones (not in the totals) with their band before those set aside', () => {
    const pending = { mmsi: 445479580, kind: 'dark_port_call', event_id: 'dpc-1', start: '2024-03-06T14:48:22Z', port: 'Chongjin', barrels: { low: 50_000, central: 160_624, high: 190_000 }, why: "pending: still open at the data's end" };
    const html = beyondAisSections({ fuel: { capBbl: 500_000, deliveries: [], years: [], pending: [pending], set_aside: [aside] } });
    expect(html).toContain('<h2>Fuel deliveries (UNSCR 2397 cap: 500,000 bbl a year)</h2><h3>Pending: not in the totals</h3>');
    expect(html).toContain('<td>dark port call at Chongjin (dpc-1)</td><td>50,000–190,000</td><td>pending: still open at the data&#39;s end</td>');
    expect(html.indexOf('Pending: not in the totals')).toBeLessThan(html.indexOf('Not counted as deliveries'));
  });
  it('has no fuel section when there is nothing counted or set aside', () => {
    expect(beyondAisSections({ fuel: { capBbl: 500_000, deliveries: [], years: [], pending: [], set_aside: [] } })).toBe('');
  });
});
