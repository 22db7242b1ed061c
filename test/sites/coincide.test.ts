// Observations linked to events: in place (site within 8 km of the event or its port), in time (±12 h),
// with the vessel-alongside length compared to the ship's.
import { describe, expect, it } from 'vitest';
import { coincidentObservations } from '../../src/sites/coincide.js';
import { CURATED_SITES } from '../../src/sites/curated.js';
import type { Observation } from '../../src/sites/types.js';
import type { TumenEvent } from '../../src/events/schema.js';

const call: TumenEvent = {
  id: 'dpc-1', type: 'dark_port_call', mmsi: 445000001, start: '2024-03-03T06:00:00Z', end: '2024-03-04T18:00:00Z',
  lat: 42.1, lon: 130.5, port: { id: 'KPNJN', name: 'Najin/Rajin', country: 'KP' }, evidence: {},
};
const obs = (id: string, site: string, time: string, lengths: number[]): Observation => ({
  id, site_id: site, time, counts: { vessels: lengths.length || 1 }, vessel_lengths_m: lengths, image_ref: null, analyst: null, note: null, source: null,
});
const rajinPort = { lat: 42.2333, lon: 130.3 };

describe('coincidentObservations', () => {
  it('links a Rajin pier count on a day of the dark call, through the port the event names', () => {
    const links = coincidentObservations([call], CURATED_SITES, [
      obs('in', 'rajin-piers', '2024-03-04T00:00:00Z', [98, 60]),
      obs('early', 'rajin-piers', '2024-03-02T17:00:00Z', [98]), // 13 h before the start: outside the ±12 h slack
      obs('late-ok', 'rajin-piers', '2024-03-05T05:00:00Z', [150]), // 11 h after the end, wrong length
      obs('far', 'vostochny-oil', '2024-03-04T00:00:00Z', [98]),
    ], { lengthOf: () => 100, portPosition: (id) => (id === 'KPNJN' ? rajinPort : undefined) });
    expect(links.map((l) => [l.observation.id, l.length_match])).toEqual([['in', true], ['late-ok', false]]);
    expect(links[0]!.distance_km).toBeCloseTo(0.5, 0);
    expect(links[0]!.why).toMatch(/a vessel alongside of 98 m \(ship 100 m\)/);
    expect(links[1]!.why).toMatch(/none within 15 % of the ship's 100 m/);
  });
  it('without the port position the event point alone (~17 km away) does not reach the piers; unknown length gives null', () => {
    expect(coincidentObservations([call], CURATED_SITES, [obs('in', 'rajin-piers', '2024-03-04T00:00:00Z', [98])])).toEqual([]);
    const atPier = { ...call, lat: 42.24, lon: 130.31 };
    expect(coincidentObservations([atPier], CURATED_SITES, [obs('in', 'rajin-piers', '2024-03-04T00:00:00Z', [98])])[0]!.length_match).toBeNull();
  });
});
