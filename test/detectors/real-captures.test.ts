// The analyst's check on small real captures (bench/real-captures.ts runs it on all of them): normal
// traffic must not make on-land spoofing at quays, handovers across coverage holes, listed one-position
// port visits, or findings on "not available" IMOs and default MMSIs.
import { describe, expect, it } from 'vitest';
import { memoryInput, runPipeline } from '../../src/detectors/pipeline.js';
import { analystRejects, readGfwTrack, readNmea } from '../../bench/real-check.js';

const F = new URL('../fixtures/', import.meta.url).pathname;

describe('real captures: nothing an analyst would reject', () => {
  it('two GFW tracks and exactEarth satellite lines', async () => {
    const caps = [readGfwTrack(`${F}tracks/338013000.json`), readGfwTrack(`${F}tracks/263576000.json`), readNmea('exactEarth', `${F}ais/amsa-exact-earth-augmented-head60.txt`)];
    const positions = caps.flatMap((c) => c.positions), statics = caps.flatMap((c) => c.statics);
    expect(positions.length).toBeGreaterThan(2000);
    const { events } = await runPipeline(memoryInput(positions, statics));
    expect(analystRejects(events, positions)).toEqual({
      on_land_spoofing: 0, handover_across_hole: 0, handover_any: 0, one_position_visit_listed: 0, one_position_visit_hidden: expect.any(Number),
      default_imo_finding: 0, default_mmsi_finding: 0,
    });
  });
});
