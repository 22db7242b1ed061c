// End to end on one small simulated world (seed 7, not one of the bench seeds): simulate → decode →
// pipeline → score against the simulator's truth. Floors sit below the bench figures so a regression in
// any detector, the segmenter or the pipeline wiring fails here; bench/detect.ts measures the real figures.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/sim/world.js';
import { memoryInput, runPipeline } from '../../src/detectors/pipeline.js';
import { landIndex50m } from '../../src/geo/land.js';
import { scoreEvents } from '../../src/detectors/score.js';
import { decodeLines } from '../../bench/detect-decode.js';

describe('detection on a small simulated world', () => {
  it('scores above the floor per event type, and no glitch becomes an event', async () => {
    const sim = simulate({ seed: 7, vessels: 80, days: 4 });
    const decoded = decodeLines(sim.lines);
    const truth = sim.truth();
    const { events, stats } = await runPipeline(memoryInput(decoded.positions, decoded.statics), { windowEndMs: sim.endMs, land: landIndex50m() });
    const report = scoreEvents(truth.events, events, { glitches: truth.glitches.map((g) => ({ mmsi: g.mmsi, timeMs: Date.parse(g.time) })), unscored: truth.unscored });
    const f1 = (t: string) => report.byType[t]?.f1 ?? NaN;
    expect(report.byType.gap!.truth).toBeGreaterThan(10);
    expect(report.byType.port_visit!.truth).toBeGreaterThan(50);
    expect(report.byType.gap_intentional!.truth).toBeGreaterThan(2);
    expect(f1('gap')).toBeGreaterThan(0.95);
    expect(f1('gap_intentional')).toBeGreaterThan(0.85);
    expect(f1('port_visit')).toBeGreaterThan(0.95);
    expect(f1('dark_port_call_port')).toBeGreaterThan(0.6);
    for (const t of ['encounter', 'loitering', 'spoofing', 'shared_mmsi', 'identity_change', 'draught_change']) {
      if ((report.byType[t]?.truth ?? 0) > 0) expect(f1(t), t).toBeGreaterThan(0.6);
    }
    expect(report.glitchEvents).toBe(0);
    expect(stats.outliers).toBeGreaterThanOrEqual(truth.glitches.length - 2);
  }, 60_000);
});
