// `tumen fuel` output: the pending (possible, unmeasured) deliveries are printed beside the year's total and
// listed apart, never added to it.
import { describe, expect, it } from 'vitest';
import { formatFuel } from '../../src/io/fuel-out.js';
import { fuelAccount, yearlyTotals, type TankerInfo } from '../../src/fuel/voyages.js';
import type { TumenEvent } from '../../src/events/schema.js';
import type { FuelReport } from '../../src/store/fuel.js';

const KP = { id: 'KPNAM', name: 'Nampo', country: 'KP' };
const t: TankerInfo = {
  mmsi: 445000001, shipname: 'TANKER ONE', imo: 9000001, shiptype: 80, lengthM: 100, beamM: 20,
  draughts: [{ timeMs: Date.parse('2024-03-01T12:00:00Z'), m: 8.0 }, { timeMs: Date.parse('2024-03-06T00:00:00Z'), m: 4.0 }, { timeMs: Date.parse('2024-03-06T12:00:00Z'), m: 8.0 }],
  visits: [{ portId: 'RUVYP', portName: 'Vostochny', country: 'RU', startMs: Date.parse('2024-03-01T00:00:00Z'), endMs: Date.parse('2024-03-02T00:00:00Z') }],
};
const call = (start: string, end: string | null): TumenEvent => ({ id: `dpc-${start}`, type: 'dark_port_call', mmsi: t.mmsi, start, end, lat: 38.7, lon: 125.4, port: KP, evidence: {} });

function report(): FuelReport {
  const a = fuelAccount([call('2024-03-03T00:00:00Z', '2024-03-05T00:00:00Z'), call('2024-03-07T18:00:00Z', null)], new Map([[t.mmsi, t]]));
  return { deliveries: a.deliveries, years: yearlyTotals(a.deliveries, undefined, a.pending), pending: a.pending, set_aside: a.set_aside };
}

describe('formatFuel with a call open at the data\'s end', () => {
  it('text: the year counts the closed call only and names the pending one beside it, with its band and why', () => {
    const out = formatFuel(report(), 'text');
    // Counted: 17.425 t/cm × 400 cm × 7.23 = 50,393 bbl. Pending: 0.7 × 100 × 20 × 8 m = 11,200 t → 24,468–95,200 bbl.
    expect(out).toContain('2024: 1 deliveries, 50,393 bbl (band 43,427–62,730) = 10.1 % of the UNSCR 2397 cap of 500,000 bbl; pending, not in the total: 1, 24,468–95,200 bbl\n');
    expect(out).toContain("\npending, not in the totals (possible deliveries nothing has measured yet):\n  2024-03-07T18:00:00Z TANKER ONE (MMSI 445000001) dark port call at Nampo: band 24,468–95,200 bbl (central 72,878, capacity_x_laden_share) — pending: still open at the data's end");
  });
  it('jsonl: one pending record after the year; csv: the counted delivery only', () => {
    const lines = formatFuel(report(), 'jsonl').trim().split('\n').map((l) => JSON.parse(l) as { record: string; end?: string | null });
    expect(lines.map((l) => l.record)).toEqual(['delivery', 'year', 'pending']);
    expect(lines[2]!.end).toBeNull();
    expect(formatFuel(report(), 'csv').trim().split('\n')).toHaveLength(2);
  });
});
