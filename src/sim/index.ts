// Public API of the simulator (core, no I/O): build a world, stream its NMEA lines, read its truth.
export { simulate, DEFAULT_SIM_OPTIONS, type SimOptions, type SimResult, type SimCounts } from './world.js';
export type { SimVessel, Role } from './vessel.js';
export type { Glitch } from './truth.js';
export { SIM_PORTS, type SimPort } from './ports.js';
export { STATIONS, type Station } from './stations.js';
export { CLASSIC_WORLD, UNSEEN_WORLD, WORLD_PRESETS, variationLabel, type WorldVariation } from './variation.js';
export type { PortLayout } from './harbour.js';
