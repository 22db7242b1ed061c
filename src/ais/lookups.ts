// Text renderings of coded values, worded exactly as gpsd's JSON (`status_text`, `shiptype_text`, …).

// The wording is gpsd 3.22's (Debian gpsd-clients), read from its `gpsdecode -j` output for every code.

/** Navigational status, ITU-R M.1371 table 45. */
export const NAV_STATUS_TEXT: readonly string[] = [
  'Under way using engine', 'At anchor', 'Not under command', 'Restricted manoeuverability',
  'Constrained by her draught', 'Moored', 'Aground', 'Engaged in fishing', 'Under way sailing',
  'Reserved for HSC', 'Reserved for WIG', 'Reserved', 'Reserved', 'Reserved', 'Reserved', 'Not defined',
];

/** Electronic position fixing device, ITU-R M.1371 table 51. */
const EPFD_NAMED: readonly string[] = [
  'Undefined', 'GPS', 'GLONASS', 'Combined GPS/GLONASS', 'Loran-C', 'Chayka',
  'Integrated navigation system', 'Surveyed', 'Galileo',
];
export function epfdText(v: number): string {
  return v < EPFD_NAMED.length ? EPFD_NAMED[v] : 'INVALID EPFD';
}

/** Ship and cargo type, ITU-R M.1371 table 53; codes 100..255 are "INVALID SHIP TYPE" as in gpsd. */
const SHIPTYPE_LOW: readonly string[] = (() => {
  const t: string[] = [];
  t[0] = 'Not available';
  for (let i = 1; i < 20; i++) t[i] = `Reserved for future use`;
  t[20] = 'Wing in ground (WIG) - all ships of this type';
  t[21] = 'Wing in ground (WIG) - Hazardous category A';
  t[22] = 'Wing in ground (WIG) - Hazardous category B';
  t[23] = 'Wing in ground (WIG) - Hazardous category C';
  t[24] = 'Wing in ground (WIG) - Hazardous category D';
  for (let i = 25; i < 30; i++) t[i] = 'Wing in ground (WIG) - Reserved for future use';
  t[30] = 'Fishing';
  t[31] = 'Towing';
  t[32] = 'Towing: length exceeds 200m or breadth exceeds 25m';
  t[33] = 'Dredging or underwater ops';
  t[34] = 'Diving ops';
  t[35] = 'Military ops';
  t[36] = 'Sailing';
  t[37] = 'Pleasure Craft';
  t[38] = 'Reserved';
  t[39] = 'Reserved';
  t[50] = 'Pilot Vessel';
  t[51] = 'Search and Rescue vessel';
  t[52] = 'Tug';
  t[53] = 'Port Tender';
  t[54] = 'Anti-pollution equipment';
  t[55] = 'Law Enforcement';
  t[56] = 'Spare - Local Vessel';
  t[57] = 'Spare - Local Vessel';
  t[58] = 'Medical Transport';
  t[59] = 'Ship according to RR Resolution No. 18';
  return t;
})();

/** Decades 40, 60..90 share one pattern: "<class> - all ships / Hazardous category X / Reserved / No additional information". */
const SHIPTYPE_CLASS: Record<number, string> = {
  4: 'High speed craft (HSC)', 6: 'Passenger', 7: 'Cargo', 8: 'Tanker', 9: 'Other Type',
};

export function shiptypeText(v: number): string {
  const named = SHIPTYPE_LOW[v];
  if (named !== undefined) return named;
  const decade = Math.floor(v / 10);
  const cls = SHIPTYPE_CLASS[decade];
  if (cls === undefined) return 'INVALID SHIP TYPE';
  const unit = v % 10;
  if (unit === 0) return `${cls} - all ships of this type`;
  if (unit <= 4) return `${cls} - Hazardous category ${'ABCD'[unit - 1]}`;
  if (unit <= 8) return `${cls} - Reserved for future use`;
  return v === 99 ? 'Other Type - no additional information' : `${cls} - No additional information`;
}

/** Aid-to-navigation type, ITU-R M.1371 table 74 (gpsd wording). */
export const AID_TYPE_TEXT: readonly string[] = [
  'Unspecified', 'Reference point', 'RACON', 'Fixed offshore structure', 'Spare, Reserved for future use.',
  'Light, without sectors', 'Light, with sectors', 'Leading Light Front', 'Leading Light Rear',
  'Beacon, Cardinal N', 'Beacon, Cardinal E', 'Beacon, Cardinal S', 'Beacon, Cardinal W',
  'Beacon, Port hand', 'Beacon, Starboard hand', 'Beacon, Preferred Channel port hand',
  'Beacon, Preferred Channel starboard hand', 'Beacon, Isolated danger', 'Beacon, Safe water',
  'Beacon, Special mark', 'Cardinal Mark N', 'Cardinal Mark E', 'Cardinal Mark S', 'Cardinal Mark W',
  'Port hand Mark', 'Starboard hand Mark', 'Preferred Channel Port hand', 'Preferred Channel Starboard hand',
  'Isolated danger', 'Safe Water', 'Special Mark', 'Light Vessel / LANBY / Rigs',
];

/** Station type for message 23, ITU-R M.1371 (gpsd wording). */
export const STATION_TYPE_TEXT: readonly string[] = [
  'All types of mobiles', 'Reserved for future use', 'All types of Class B mobile stations',
  'SAR airborne mobile station', 'Aid to Navigation station', 'Class B shipborne mobile station',
  'Regional use and inland waterways', 'Regional use and inland waterways',
  'Regional use and inland waterways', 'Regional use and inland waterways',
  'Reserved for future use', 'Reserved for future use', 'Reserved for future use',
  'Reserved for future use', 'Reserved for future use', 'Reserved for future use',
];
