// Distinct mooring slots (variation `moorings: slots`): ships that lie at the same berth point at the same
// time are moved to different slots of a small grid around it — along the quay line (perpendicular to the
// approach) and in tiers seaward — as a real port gives each ship its own berth. Applied to the built plans
// after the fleet is made, so no random stream is consumed and every timing stays as scripted: only the
// point a ship lies at moves (≤ ~1 km): the ship comes in to the berth point as scripted, moves straight on to
// its slot, and leaves the same way. Slots whose point or straight way from the berth point crosses land
// (the simulator's 1:50 m coast and the 1:10 m one, each where the berth point is at sea in it) are never used.
import { bearingDeg, destination } from '../geo/sphere.js';
import type { Harbour } from './harbour.js';
import { nodePoint, type LatLon } from './lanes.js';
import { MOORING } from './params.js';
import type { Phase, SailPhase, StayPhase } from './plan.js';
import { SIM_PORTS } from './ports.js';
import { distanceM } from '../geo/sphere.js';
import { landIndex, landIndex50m } from '../geo/land.js';

const key = (p: LatLon): string => `${p.lat.toFixed(7)},${p.lon.toFixed(7)}`;

/** Slot offsets (along index, tier), nearest the berth point first; slot 0 is the berth point itself. */
export const SLOT_OFFSETS: ReadonlyArray<{ along: number; tier: number }> = (() => {
  const out: Array<{ along: number; tier: number }> = [];
  for (let tier = 0; tier < MOORING.tiers; tier++) {
    for (let a = -MOORING.alongHalfSlots; a <= MOORING.alongHalfSlots; a++) out.push({ along: a, tier });
  }
  const m = (o: { along: number; tier: number }) => Math.hypot(o.along * MOORING.alongSpacingM, o.tier * MOORING.tierSpacingM);
  return out.sort((x, y) => m(x) - m(y) || x.tier - y.tier || x.along - y.along);
})();

/** Seaward bearing at every berth point the world uses: towards the point ships come in from. */
function seawardBearings(harbour: Harbour | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of SIM_PORTS) {
    const from = p.inner[0] ?? nodePoint(p.node);
    out.set(key(p.berth), bearingDeg(p.berth.lat, p.berth.lon, from.lat, from.lon));
  }
  for (const layout of harbour?.layouts.values() ?? []) {
    for (const q of layout.quays) {
      const from = q.fromNode.length >= 2 ? q.fromNode[q.fromNode.length - 2]! : nodePoint(layout.port.node);
      out.set(key(q.at), bearingDeg(q.at.lat, q.at.lon, from.lat, from.lon));
    }
  }
  return out;
}

/** Metres between land checks on the straight way from the berth point to a slot. */
const WAY_STEP_M = 20;

/** The usable slots of a berth, nearest first: at sea, with a straight way at sea from the berth point. */
function usableSlots(berth: LatLon, seawardDeg: number): LatLon[] {
  const land50 = landIndex50m(), land10 = landIndex();
  // A coast is only held against the slots where the berth point itself is at sea in it: the classic world's
  // berth points predate the 1:10 m catalog and some lie "on land" at one scale or both.
  const check50 = !land50.isOnLand(berth.lat, berth.lon), check10 = !land10.isOnLand(berth.lat, berth.lon);
  const wet = (p: LatLon) => !(check50 && land50.isOnLand(p.lat, p.lon)) && !(check10 && land10.isOnLand(p.lat, p.lon));
  const out: LatLon[] = [];
  for (let slot = 0; slot < SLOT_OFFSETS.length; slot++) {
    const p = slotPoint(berth, seawardDeg, slot);
    const n = Math.ceil(distanceM(berth.lat, berth.lon, p.lat, p.lon) / WAY_STEP_M);
    let ok = slot === 0 || wet(p);
    for (let i = 1; ok && i < n; i++) ok = wet({ lat: berth.lat + ((p.lat - berth.lat) * i) / n, lon: berth.lon + ((p.lon - berth.lon) * i) / n });
    if (ok) out.push(p);
  }
  return out;
}

function slotPoint(berth: LatLon, seawardDeg: number, slot: number): LatLon {
  const o = SLOT_OFFSETS[slot]!;
  const off = o.tier === 0 ? berth : destination(berth.lat, berth.lon, seawardDeg, o.tier * MOORING.tierSpacingM);
  return o.along === 0 ? { lat: off.lat, lon: off.lon } : destination(off.lat, off.lon, (seawardDeg + 90) % 360, o.along * MOORING.alongSpacingM);
}

/** A ship's time at one berth: consecutive stays at the same point in a port (not drifting). */
interface MooredRun { phases: Phase[]; first: number; last: number; t0: number; t1: number; at: LatLon; vessel: number }

function mooredRuns(phases: Phase[], vessel: number): MooredRun[] {
  const runs: MooredRun[] = [];
  const moored = (p: Phase): p is StayPhase => p.kind === 'stay' && p.portId !== null && p.driftKn === 0;
  for (let i = 0; i < phases.length; i++) {
    const p = phases[i]!;
    if (!moored(p)) continue;
    let j = i;
    while (j + 1 < phases.length && moored(phases[j + 1]!) && key((phases[j + 1] as StayPhase).at) === key(p.at)) j++;
    runs.push({ phases, first: i, last: j, t0: p.t0, t1: phases[j]!.t1, at: { ...p.at }, vessel });
    i = j;
  }
  return runs;
}

function withCum(s: SailPhase): void {
  s.cumM = [0];
  for (let i = 1; i < s.path.length; i++) s.cumM.push(s.cumM[i - 1]! + distanceM(s.path[i - 1]!.lat, s.path[i - 1]!.lon, s.path[i]!.lat, s.path[i]!.lon));
}

function moveRun(r: MooredRun, to: LatLon): void {
  const old = key(r.at);
  for (let i = r.first; i <= r.last; i++) (r.phases[i] as StayPhase).at = { ...to };
  const before = r.phases[r.first - 1], after = r.phases[r.last + 1];
  if (before?.kind === 'sail' && key(before.path[before.path.length - 1]!) === old) { before.path.push({ ...to }); withCum(before); }
  if (after?.kind === 'sail' && key(after.path[0]!) === old) { after.path.unshift({ ...to }); withCum(after); }
}

export interface MooringStats { runs: number; moved: number; sharedSlot: number; berths: number; usableSlots: number }

/**
 * Gives every moored stay a slot free for its whole time at that berth (the nearest free slot to the berth
 * point); when all slots are taken (very dense worlds) the slot freed earliest is shared, and counted.
 */
export function assignMoorings(vessels: ReadonlyArray<{ index: number; phases: Phase[] }>, harbour: Harbour | null): MooringStats {
  const seaward = seawardBearings(harbour);
  const byBerth = new Map<string, MooredRun[]>();
  for (const v of vessels) {
    for (const r of mooredRuns(v.phases, v.index)) {
      const k = key(r.at);
      let list = byBerth.get(k);
      if (!list) byBerth.set(k, (list = []));
      list.push(r);
    }
  }
  const stats: MooringStats = { runs: 0, moved: 0, sharedSlot: 0, berths: 0, usableSlots: 0 };
  for (const [k, runs] of byBerth) {
    runs.sort((a, b) => a.t0 - b.t0 || a.vessel - b.vessel || a.first - b.first);
    const slots = usableSlots(runs[0]!.at, seaward.get(k) ?? 0);
    const freeAt = new Array<number>(slots.length).fill(-Infinity);
    stats.berths++;
    stats.usableSlots += slots.length;
    for (const r of runs) {
      stats.runs++;
      let slot = freeAt.findIndex((t) => t <= r.t0);
      if (slot < 0) {
        slot = freeAt.indexOf(Math.min(...freeAt));
        stats.sharedSlot++;
      }
      freeAt[slot] = Math.max(freeAt[slot]!, r.t1);
      if (slot === 0) continue;
      moveRun(r, slots[slot]!);
      stats.moved++;
    }
  }
  return stats;
}
