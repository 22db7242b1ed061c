// What the world does beyond what the detectors were tuned on (docs/simulator.md "World variations"). A
// perfect score on a world that shares the detectors' assumptions proves little, so each axis below can
// move the world away from them: where ships berth, which receivers hear them, how thin satellite coverage
// is, whether satellite reception saturates in dense traffic, and how evaders and fishing boats behave.
// `classic` is the world the detectors were tuned on (byte-identical to the simulator before variations,
// except that moored ships lie at distinct slots of their berth since `moorings` was added; `moorings: shared`
// gives the old bytes back).

export interface WorldVariation {
  /** `point`: one berth within 1.5 km of the gazetteer point. `spread`: several quays and an outer
   *  anchorage across the port's extent (up to 8 km), ships waiting at anchor before berthing. */
  berths: 'point' | 'spread';
  /** `slots`: ships at one berth at the same time lie at distinct slots along the quay and off it (as at a
   *  real quay). `shared`: every ship of a berth lies on its one point (the simulator before). */
  moorings: 'slots' | 'shared';
  /** `fixed`: the 18 documented coastal stations. `random`: a layout drawn per seed from coastal sites
   *  (ranges, hearing probability and outages drawn too) — never told to the detectors. `sparse`: drawn
   *  the same way from fewer sites, with shorter ranges and more, longer outages (a thin volunteer
   *  network). */
  receivers: 'fixed' | 'random' | 'sparse';
  /** The layout changes over time, whatever it is: stations down for days, commissioned or retired
   *  part-way through the world (RECEIVER_CHANGES). The detectors learn coverage from the whole data and
   *  are never told when a station was on the air. */
  receiverChanges: boolean;
  /** Satellite passes: `normal` every ~90 min, `thin` every ~6 h with fewer reports per pass, `none`. */
  satellite: 'normal' | 'thin' | 'none';
  /** Satellite reception saturates as a cell fills with ships (fewer reports heard per ship). */
  saturation: boolean;
  /** `classic` evaders, or `varied`: switch-offs near shore (20–30 nm) or far out (≥ 50 nm), spoofers
   *  broadcasting a fabricated stationary position while sailing elsewhere, short identity-change gaps,
   *  and half the fishing boats working at 1–2 kn. */
  evaders: 'classic' | 'varied';
}

export const CLASSIC_WORLD: WorldVariation = { berths: 'point', moorings: 'slots', receivers: 'fixed', receiverChanges: false, satellite: 'normal', saturation: false, evaders: 'classic' };

/** Every axis away from the detectors' assumptions at once. */
export const UNSEEN_WORLD: WorldVariation = { berths: 'spread', moorings: 'slots', receivers: 'random', receiverChanges: false, satellite: 'thin', saturation: true, evaders: 'varied' };

export const WORLD_PRESETS = { classic: CLASSIC_WORLD, unseen: UNSEEN_WORLD } as const;
export type WorldPreset = keyof typeof WORLD_PRESETS;

export const VARIATION_VALUES = {
  berths: ['point', 'spread'],
  moorings: ['slots', 'shared'],
  receivers: ['fixed', 'random', 'sparse'],
  receiverChanges: [false, true],
  satellite: ['normal', 'thin', 'none'],
  saturation: [false, true],
  evaders: ['classic', 'varied'],
} as const;

/** A short label such as `berths=spread,satellite=thin` (only the axes that differ from classic). */
export function variationLabel(v: WorldVariation): string {
  const parts = (Object.keys(CLASSIC_WORLD) as Array<keyof WorldVariation>).filter((k) => v[k] !== CLASSIC_WORLD[k]).map((k) => `${k}=${v[k]}`);
  return parts.length ? parts.join(',') : 'classic';
}
