// Which detectors the pipeline runs, and how each is fed. `vessel` detectors get a fresh instance per MMSI
// and that vessel's segmented positions (glitches flagged `outlier`) and statics in time order; `global`
// detectors get one instance and every vessel's positions and statics in one time-ordered stream.
import type { Detector } from './detector.js';
import type { GapContext } from './gap.js';
import { EncounterDetector } from './encounter.js';
import { createIdentityChangeDetector } from './identity-change.js';
import { createDraughtChangeDetector } from './draught-change.js';
import { createSpoofingDetector } from './spoofing.js';
import { createSharedMmsiDetector } from './shared-mmsi.js';
import { createLoiteringDetector } from './loitering.js';
import type { PortIndex } from '../reference/wpi.js';

export interface DetectorContext {
  gap: GapContext;
  ports: PortIndex;
}

export interface DetectorEntry {
  name: string;
  scope: 'vessel' | 'global';
  create(ctx: DetectorContext): Detector;
}

/** Detectors beyond the core three (gap, dark_port_call, port_visit), which the pipeline runs itself. */
export const EXTRA_DETECTORS: DetectorEntry[] = [
  {
    name: 'encounter',
    scope: 'global',
    create: (ctx) => new EncounterDetector({ ports: portPoints(ctx) }),
  },
  { name: 'identity_change', scope: 'global', create: () => createIdentityChangeDetector() },
  { name: 'draught_change', scope: 'vessel', create: () => createDraughtChangeDetector() },
  { name: 'spoofing', scope: 'vessel', create: (ctx) => createSpoofingDetector({ ports: portPoints(ctx) }) },
  { name: 'shared_mmsi', scope: 'vessel', create: () => createSharedMmsiDetector() },
  { name: 'loitering', scope: 'vessel', create: (ctx) => createLoiteringDetector({ ports: portPoints(ctx) }) },
];

/** WPI + ports of interest as the colleague detectors' PortPoint list (built once per context). */
const portPointCache = new WeakMap<PortIndex, Array<{ id: string; name: string; lat: number; lon: number }>>();
function portPoints(ctx: DetectorContext): Array<{ id: string; name: string; lat: number; lon: number }> {
  let list = portPointCache.get(ctx.ports);
  if (!list) {
    list = ctx.ports.ports.map((p) => ({ id: p.id, name: p.name, lat: p.lat, lon: p.lon }));
    portPointCache.set(ctx.ports, list);
  }
  return list;
}
