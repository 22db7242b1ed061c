// The curated sites of the Tumen River corridor and the Russian Far East ports, with their sources, and a
// small example series: the CSIS Beyond Parallel rail-car counts. Coordinates are approximate (±1 km):
// read off OpenStreetMap for the rail yards and the bridge, NGA World Port Index (Pub 150, 2023) for ports;
// Dunai as in src/reference/ports-of-interest.ts (open-source reporting; not in WPI).
import type { Observation, Site } from './types.js';

const CSIS = 'CSIS Beyond Parallel, rail activity at Tumangang and Khasan (2023–2024), manual counts on commercial imagery';

export const CURATED_SITES: readonly Site[] = [
  { id: 'tumangang-yard', name: 'Tumangang rail yard', kind: 'rail_yard', country: 'KP', lat: 42.424, lon: 130.598, polygon: null,
    source: `OpenStreetMap (station Tumangang); ${CSIS}`, baseline_max: { rail_cars: 20 },
    note: 'CSIS: at most ~20 rail cars at a time in the five years before October 2023' },
  { id: 'khasan-yard', name: 'Khasan rail yard', kind: 'rail_yard', country: 'RU', lat: 42.43, lon: 130.646, polygon: null,
    source: `OpenStreetMap (station Khasan); ${CSIS}`, baseline_max: {}, note: null },
  { id: 'tumen-river-bridge', name: 'Tumen River (Friendship) rail bridge', kind: 'border_crossing', country: 'KP/RU', lat: 42.4205, lon: 130.6335, polygon: null,
    source: 'OpenStreetMap (Friendship Bridge, Khasan–Tumangang)', baseline_max: {}, note: 'single-track rail bridge, dual gauge' },
  { id: 'rajin-piers', name: 'Rajin (Najin) port piers 1–3', kind: 'pier', country: 'KP', lat: 42.238, lon: 130.3, polygon: null,
    source: 'NGA World Port Index Pub 150 (2023), port Najin; pier layout from OpenStreetMap', baseline_max: {},
    note: 'Pier 3 leased to RasonConTrans (Russia); munitions containers reported loaded here 2023–24' },
  { id: 'vostochny-oil', name: 'Vostochny port (oil and coal berths)', kind: 'berth', country: 'RU', lat: 42.75, lon: 133.0833, polygon: null,
    source: 'NGA World Port Index Pub 150 (2023), port Vostochny', baseline_max: {}, note: 'DPRK tankers called here from March 2024 (open-source counts)' },
  { id: 'dunai-pier', name: 'Dunai naval pier', kind: 'pier', country: 'RU', lat: 42.89, lon: 132.35, polygon: null,
    source: 'approximate, ~9 km S of Fokino (open-source reporting 2023–24; not in WPI)', baseline_max: {},
    note: 'ro-ro ships (ANGARA, LADY R, MARIA, MAIA-1) loaded containers here, AIS off' },
];

export const EXAMPLE_OBSERVATIONS: readonly Observation[] = [
  { id: 'csis-tumangang-2023-10', site_id: 'tumangang-yard', time: '2023-10-05T00:00:00Z', counts: { rail_cars: 73 }, vessel_lengths_m: [],
    image_ref: 'commercial imagery, October 2023 (day approximate)', analyst: 'CSIS Beyond Parallel', note: 'about 73 rail cars', source: CSIS },
  { id: 'csis-tumangang-2024-06', site_id: 'tumangang-yard', time: '2024-06-15T00:00:00Z', counts: { ore_cars: 175, box_cars: 14, tank_cars: 66, locomotives: 6 }, vessel_lengths_m: [],
    image_ref: 'commercial imagery, June 2024 (day approximate)', analyst: 'CSIS Beyond Parallel', note: null, source: CSIS },
  { id: 'csis-khasan-2024-06', site_id: 'khasan-yard', time: '2024-06-15T00:00:00Z', counts: { ore_cars: 112, box_cars: 4, tank_cars: 33 }, vessel_lengths_m: [],
    image_ref: 'commercial imagery, June 2024 (day approximate)', analyst: 'CSIS Beyond Parallel', note: null, source: CSIS },
];
