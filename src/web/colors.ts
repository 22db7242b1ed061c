// One palette for the map, the list badges and the report timeline.
export type RGB = [number, number, number];

export const TRACK_RGB: RGB = [255, 102, 0];
export const PARTNER_RGB: RGB = [157, 78, 221];
export const GAP_HEX = '#d0002a';
export const PORT_HEX = '#2a9d8f';
export const CANDIDATE_HEX = '#f4a261';

export const EVENT_RGB: Record<string, RGB> = {
  gap: [193, 18, 31],
  dark_port_call: [193, 18, 31],
  encounter: [123, 44, 191],
  loitering: [123, 44, 191],
  port_visit: [42, 157, 143],
  spoofing: [231, 111, 81],
  shared_mmsi: [231, 111, 81],
  identity_change: [69, 123, 157],
  draught_change: [69, 123, 157],
};

export const hex = ([r, g, b]: RGB): string => `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('')}`;
