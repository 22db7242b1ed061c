// The triage's risk requests: one per distinct ship set, shared by the sections that hold the same ships;
// a failed answer is rejected (the page says "risk not available") and forgotten, so a retry asks again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sharedRisk } from '../../src/web/event-rows.js';
import type { TumenEventJson } from '../../src/web/api.js';

const ev = (id: string, mmsi: number, other?: number): TumenEventJson => ({ id, type: 'encounter', mmsi, other_mmsi: other } as unknown as TumenEventJson);

afterEach(() => { vi.unstubAllGlobals(); });

describe('sharedRisk', () => {
  it('asks once for two sections with the same ships, once more for another set', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify({ risk: { 273000001: { level: 'high', score: 80 } } }), { status: 200 });
    });
    const riskFor = sharedRisk();
    const [a, b, c] = await Promise.all([
      riskFor([ev('enc-1', 445000002, 273000001)]), riskFor([ev('pv-1', 273000001), ev('pv-2', 445000002)]), riskFor([ev('pv-3', 445000002)]),
    ]);
    expect(asked).toEqual(['api/risk?mmsi=273000001,445000002', 'api/risk?mmsi=445000002']);
    expect(a).toBe(b);
    expect(c['273000001']).toEqual({ level: 'high', score: 80 });
  });

  it('rejects on an error answer and asks again on the next call', async () => {
    let n = 0;
    vi.stubGlobal('fetch', async () => (++n === 1
      ? new Response(JSON.stringify({ error: { message: 'store busy' } }), { status: 503 })
      : new Response(JSON.stringify({ risk: {} }), { status: 200 })));
    const riskFor = sharedRisk();
    await expect(riskFor([ev('g-1', 273000001)])).rejects.toThrow('store busy');
    await expect(riskFor([ev('g-1', 273000001)])).resolves.toEqual({});
    expect(n).toBe(2);
  });
});
