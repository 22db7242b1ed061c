import { describe, expect, it } from 'vitest';
import { columnarInput, PositionColumns } from '../../src/detectors/columnar-input.js';
import { memoryInput, runPipeline } from '../../src/detectors/pipeline.js';
import { HOUR, T0, leg } from './helpers.js';

describe('columnar pipeline input', () => {
  it('round-trips positions (nulls, 0.1 resolution) and gives the same events as the object input', async () => {
    const pts = [
      ...leg(273000001, T0, 80, 10, 42.5, 132.5, 0, 0.001, 10.1, 90),
      ...leg(273000001, T0 + 27 * HOUR, 20, 10, 42.4, 132.6, 0, 0.001, 12.3, 45),
      ...leg(273000003, T0, 180, 10, 42.55, 132.45, 0, 0.0005, 3, 90),
    ].map((p, i) => (i % 7 === 0 ? { ...p, speedKn: null, courseDeg: null, source: 'satellite' as const } : p));
    const cols = new PositionColumns(pts.length);
    for (const p of [...pts].reverse()) cols.push(p);
    expect(cols.at(0)).toEqual({ ...pts[pts.length - 1]!, source: pts[pts.length - 1]!.source ?? null });
    const a = await runPipeline(memoryInput(pts));
    const b = await runPipeline(columnarInput(cols, []));
    expect(b.events).toEqual(a.events);
    expect(b.events.map((e) => e.type)).toContain('gap');
  });
});
