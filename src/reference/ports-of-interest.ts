// Curated ports of interest for the Russia–DPRK trade. Coordinates from the NGA World Port Index
// (Pub 150, 2023) except Dunai, which WPI does not list: it is placed ~9 km south of Fokino from
// open reporting (RUSI Open Source Intelligence, 2023–24) and is approximate.
export type PortRole = 'dprk_port' | 'arms_transfer' | 'oil_terminal' | 'rfe_port';

export interface PortOfInterest {
  id: string;
  name: string;
  country: 'KP' | 'RU';
  lat: number;
  lon: number;
  role: PortRole;
  source: string;
}

const WPI = 'NGA World Port Index Pub 150 (2023)';

export const PORTS_OF_INTEREST: readonly PortOfInterest[] = [
  { id: 'KPNJN', name: 'Najin/Rajin', country: 'KP', lat: 42.2333, lon: 130.3, role: 'dprk_port', source: WPI },
  { id: 'KPSBN', name: 'Senbong', country: 'KP', lat: 42.3333, lon: 130.4, role: 'dprk_port', source: WPI },
  { id: 'KPCHO', name: 'Chongjin', country: 'KP', lat: 41.7667, lon: 129.8167, role: 'dprk_port', source: WPI },
  { id: 'KPNAM', name: 'Nampo', country: 'KP', lat: 38.7167, lon: 125.4, role: 'dprk_port', source: WPI },
  { id: 'RUVYP', name: 'Vostochny', country: 'RU', lat: 42.75, lon: 133.0833, role: 'oil_terminal', source: WPI },
  { id: 'RUNJK', name: 'Nakhodka', country: 'RU', lat: 42.8, lon: 132.8833, role: 'rfe_port', source: WPI },
  { id: 'RUVVO', name: 'Vladivostok', country: 'RU', lat: 43.1089, lon: 131.8883, role: 'rfe_port', source: WPI },
  {
    id: 'RUDUN', name: 'Dunai (naval pier)', country: 'RU', lat: 42.89, lon: 132.35, role: 'arms_transfer',
    source: 'approximate, ~9 km S of Fokino (open-source reporting 2023–24; not in WPI)',
  },
  { id: 'RUZAR', name: 'Zarubino', country: 'RU', lat: 42.6333, lon: 131.0833, role: 'rfe_port', source: WPI },
  { id: 'RUPOS', name: 'Posyet', country: 'RU', lat: 42.65, lon: 130.8, role: 'rfe_port', source: WPI },
];
