// One palette for the map, the list badges, the legend and the report: every event type has its own colour
// (Okabe & Ito's colour-blind-safe set, darkened where a marker must stand out on pale land and sea) AND its
// own shape, so no meaning rests on colour alone.
import { EVENT_TYPE_INFO } from '../events/types.js';

export type RGB = [number, number, number];

export const TRACK_RGB: RGB = [213, 94, 0];       // vermillion: the vessel
export const PARTNER_RGB: RGB = [0, 114, 178];    // blue: the other ship of an encounter
export const GAP_HEX = '#b2182b';
export const PORT_HEX = '#006d4f';
export const CANDIDATE_HEX = '#7a4a00';
export const REACHABLE_HEX = '#cc79a7';
export const SCENE_HEX = '#5a4fcf';            // satellite scene footprints
export const SITE_HEX = '#5a4fcf';             // watched sites (rail yards, piers): the sites pages' colour
export const VOYAGE_HEX = '#b35900';           // fuel voyages, loading call → delivery
export const FUEL_RGB: RGB = [140, 60, 0];      // fuel delivery labels (dark orange, ≥ 4.5:1 on white)
export const DETECTION_MATCHED_HEX = '#009e73'; // an imagery detection matched to an AIS ship

export interface EventStyle {
  rgb: RGB;
  /** A glyph drawn on the map and in badges and the legend. */
  shape: string;
  label: string;
}

const STYLE: Record<string, { rgb: RGB; shape: string }> = {
  dark_port_call: { rgb: [178, 24, 43], shape: '★' },
  gap: { rgb: [230, 159, 0], shape: '◆' },
  encounter: { rgb: [0, 114, 178], shape: '▲' },
  loitering: { rgb: [86, 180, 233], shape: '▼' },
  spoofing: { rgb: [204, 121, 167], shape: '✖' },
  shared_mmsi: { rgb: [64, 64, 64], shape: '✚' },
  identity_change: { rgb: [0, 158, 115], shape: '●' },
  draught_change: { rgb: [240, 228, 66], shape: '⬢' },
  port_visit: { rgb: [120, 120, 120], shape: '■' },
  dark_detection: { rgb: [0, 0, 0], shape: '◉' },
};

export const EVENT_STYLE: Record<string, EventStyle> = Object.fromEntries(EVENT_TYPE_INFO.map((t) => [
  t.type, { ...(STYLE[t.type] ?? { rgb: [0, 0, 0] as RGB, shape: '●' }), label: t.label },
]));

export function eventStyle(type: string): EventStyle {
  return EVENT_STYLE[type] ?? { rgb: [0, 0, 0], shape: '●', label: type };
}

/** Colours by type, for the timeline and the report. */
export const EVENT_RGB: Record<string, RGB> = Object.fromEntries(Object.entries(EVENT_STYLE).map(([k, v]) => [k, v.rgb]));

export const hex = ([r, g, b]: RGB): string => `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('')}`;
