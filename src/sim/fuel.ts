// The true volume of each simulated fuel delivery to the DPRK (core, no I/O): a tanker's call at a DPRK
// port (truth dark_port_call), cargo = 1.025 × C_wp × L × B × true draught drop, with C_wp and the product
// drawn per ship — values the fuel monitor is never told (it assumes C_wp 0.85 and gas/diesel oil).
import type { TumenEvent } from '../events/schema.js';
import { hash01 } from './prng.js';
import { draughtAt, type SimVessel } from './vessel.js';

export interface FuelTruth {
  mmsi: number;
  port: string;
  start: string;
  end: string | null;
  product: 'gas_diesel_oil' | 'motor_gasoline' | 'fuel_oil';
  waterplane_coeff: number;
  draught_drop_m: number;
  tonnes: number;
  barrels: number;
}

const PRODUCTS = [
  { p: 'gas_diesel_oil', share: 0.7, bblPerT: 7.23 },
  { p: 'motor_gasoline', share: 0.2, bblPerT: 8.5 },
  { p: 'fuel_oil', share: 0.1, bblPerT: 6.62 },
] as const;

export function fuelTruth(vessels: readonly SimVessel[], events: readonly TumenEvent[], seed: number): FuelTruth[] {
  const byMmsi = new Map<number, SimVessel>();
  for (const v of vessels) if (v.role === 'dprk_tanker') for (const id of v.identities) byMmsi.set(id.mmsi, v);
  const out: FuelTruth[] = [];
  for (const e of events) {
    const v = e.type === 'dark_port_call' && e.port?.country === 'KP' ? byMmsi.get(e.mmsi) : undefined;
    if (!v) continue;
    const startMs = Date.parse(e.start), endMs = e.end === null ? startMs : Date.parse(e.end);
    const drop = draughtAt(v, startMs) - draughtAt(v, endMs + 1);
    if (!(drop > 0)) continue;
    const cwp = 0.78 + 0.12 * hash01(seed, v.index, 11);
    const x = hash01(seed, v.index, 12);
    const product = x < PRODUCTS[0].share ? PRODUCTS[0] : x < PRODUCTS[0].share + PRODUCTS[1].share ? PRODUCTS[1] : PRODUCTS[2];
    const L = v.dims.to_bow + v.dims.to_stern, B = v.dims.to_port + v.dims.to_starboard;
    const tonnes = 1.025 * cwp * L * B * drop;
    out.push({
      mmsi: e.mmsi, port: e.port!.id, start: e.start, end: e.end, product: product.p, waterplane_coeff: Math.round(cwp * 1000) / 1000,
      draught_drop_m: Math.round(drop * 10) / 10, tonnes: Math.round(tonnes), barrels: Math.round(tonnes * product.bblPerT),
    });
  }
  return out;
}
