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
  /** The ports near the data (its bounding box + 1°), as plain points, for detectors' own port grids. */
  nearPorts: ReadonlyArray<{ id: string; name: string; lat: number; lon: number }>;
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

function portPoints(ctx: DetectorContext): Array<{ id: string; name: string; lat: number; lon: number }> {
  return ctx.nearPorts as Array<{ id: string; name: string; lat: number; lon: number }>;
}
