// Risk breakdowns on hand-built inputs: every indicator, its points and its evidence.
import { describe, expect, it } from 'vitest';
import { assessRisk, type Counterparty } from '../../src/risk/score.js';
import type { TumenEvent } from '../../src/events/schema.js';
import type { ScreenResult } from '../../src/screening/types.js';

const SHIP = 273456000; // MID 273: Russia
const ev = (e: Partial<TumenEvent> & Pick<TumenEvent, 'id' | 'type'>): TumenEvent => ({
  mmsi: SHIP, start: '2024-03-01T00:00:00Z', end: '2024-03-02T00:00:00Z', lat: 0, lon: 0, evidence: {}, ...e,
});

describe('assessRisk', () => {
  it('scores a clean vessel with no evidence as low, zero points, no indicators', () => {
    expect(assessRisk({ mmsis: [SHIP], screening: { verdict: 'clear', matches: [], findings: [] }, events: [], identities: [] }))
      .toEqual({ level: 'low', score: 0, indicators: [] });
  });

  it('makes a sanctions-list match "sanctioned" with the list entries as evidence', () => {
    const screening: ScreenResult = {
      verdict: 'match', findings: [],
      matches: [{ list: 'ofac-sdn', list_version: 'v', entry_id: '23729', name: 'CHON MA SAN', score: 1, matched_on: ['imo'], reason: 'IMO 8660313 is listed', verdict: 'match' }],
    };
    const r = assessRisk({ mmsis: [445123000], screening, events: [], identities: [] });
    expect(r.level).toBe('sanctioned');
    expect(r.indicators).toEqual([
      { id: 'sanctions_match', label: 'On a sanctions list', points: 100, count: 1, rule: 'match: 100', evidence: { event_ids: [], list_entries: ['ofac-sdn#23729 CHON MA SAN (1, imo)'], values: [] } },
      { id: 'flag_of_convenience', label: 'Flag of convenience (ITF list)', points: 5, count: 1, rule: '5', evidence: { event_ids: [], list_entries: [], values: ['KP'] } },
    ]);
    expect(r.score).toBe(105);
  });

  it('adds up behaviour: Rajin call, dark call at Dunai, gaps, STS with a listed ship, draught change while dark', () => {
    const events: TumenEvent[] = [
      ev({ id: 'pv1', type: 'port_visit', lat: 42.24, lon: 130.3, port: { id: 'WPI-NAJIN', name: 'Najin', country: 'KP' } }),
      ev({ id: 'pv2', type: 'port_visit', lat: 43.1, lon: 131.9, port: { id: 'RUVVO', name: 'Vladivostok', country: 'RU' } }),
      ev({ id: 'pv3', type: 'port_visit', lat: 35.1, lon: 129.0, port: { id: 'KRPUS', name: 'Busan', country: 'KR' } }),
      ev({ id: 'dpc1', type: 'dark_port_call', start: '2024-03-05T00:00:00Z', port: { id: 'RUDUN', name: 'Dunai (naval pier)', country: 'RU' }, duration_h: 40 }),
      ev({ id: 'g1', type: 'gap', lat: 42.5, lon: 132.5, intentional: true, duration_h: 40 }),
      ev({ id: 'g2', type: 'gap', lat: 10, lon: 60, intentional: true, duration_h: 20 }),
      ev({ id: 'g3', type: 'gap', lat: 10, lon: 60, intentional: false, duration_h: 7 }),
      ev({ id: 'enc1', type: 'encounter', other_mmsi: 445000111 }),
      ev({ id: 'enc2', type: 'encounter', mmsi: 352001000, other_mmsi: SHIP }),
      ev({ id: 'enc3', type: 'encounter', other_mmsi: 636000001 }),
      ev({ id: 'dc1', type: 'draught_change', before_m: 6.1, after_m: 9.8, evidence: { across_gap: true, direction: 'loaded', gap_h: 38 } }),
      ev({ id: 'dc2', type: 'draught_change', before_m: 9.8, after_m: 9.0, evidence: { across_gap: false } }),
    ];
    const counterparties = new Map<number, Counterparty>([
      [445000111, { mmsi: 445000111, listed: true, level: 'sanctioned', entries: ['ofac-sdn#23729 CHON MA SAN'] }],
      [352001000, { mmsi: 352001000, listed: false, level: 'high', entries: [] }],
      [636000001, { mmsi: 636000001, listed: false, level: 'low', entries: [] }],
    ]);
    const r = assessRisk({ mmsis: [SHIP], screening: { verdict: 'clear', matches: [], findings: [] }, events, identities: [], counterparties });
    expect(r.indicators.map((i) => [i.id, i.points, i.count, i.rule, i.evidence.event_ids])).toEqual([
      ['port_call_poi', 65, 2, '60 + 5', ['pv1', 'pv2']],
      ['dark_port_call_poi', 50, 1, '50', ['dpc1']],
      ['intentional_gap_near_poi', 15, 1, '15', ['g1']],
      ['intentional_gap', 5, 1, '5', ['g2']],
      ['encounter_risky_vessel', 85, 2, '60 + 25', ['enc1', 'enc2']],
      ['draught_change_dark', 20, 1, '20', ['dc1']],
    ]);
    expect(r.indicators[0].evidence.values).toEqual(['Najin/Rajin (dprk_port) 2024-03-01', 'Vladivostok (rfe_port) 2024-03-01']);
    expect(r.indicators[4].evidence.list_entries).toEqual(['ofac-sdn#23729 CHON MA SAN']);
    expect(r.indicators[5].evidence.values).toEqual(['6.1 m -> 9.8 m (loaded, 38 h dark)']);
    expect(r.score).toBe(240);
    expect(r.level).toBe('high');
  });

  it('caps each indicator', () => {
    const events = [1, 2, 3].map((k) => ev({ id: `pv${k}`, type: 'port_visit', lat: 38.72, lon: 125.4, port: { id: 'x', name: 'Nampo', country: 'KP' } }));
    const r = assessRisk({ mmsis: [SHIP], screening: null, events, identities: [] });
    expect(r.indicators[0]).toMatchObject({ id: 'port_call_poi', points: 100, count: 3, rule: '60 + 60 + 60, capped at 100' });
  });

  it('counts identity changes from history, flag hops across MMSIs, spoofing, and a possible match', () => {
    const identities = [
      { mmsi: SHIP, field: 'shipname', value: 'MAIA-1', first_seen: '2023-01-01T00:00:00Z', last_seen: '2023-06-01T00:00:00Z' },
      { mmsi: SHIP, field: 'shipname', value: 'MAIA', first_seen: '2023-06-02T00:00:00Z', last_seen: '2023-09-01T00:00:00Z' },
      { mmsi: 636000001, field: 'shipname', value: 'MAIA', first_seen: '2023-09-02T00:00:00Z', last_seen: '2024-01-01T00:00:00Z' },
    ];
    const screening: ScreenResult = {
      verdict: 'possible', findings: [],
      matches: [{ list: 'watch', list_version: null, entry_id: 'row2', name: 'MAIA-1', score: 0.85, matched_on: ['former_name'], reason: 'r', verdict: 'possible' }],
    };
    const events = [ev({ id: 'sp1', type: 'spoofing' }), ev({ id: 'sh1', type: 'shared_mmsi', mmsi: 636000001 })];
    const r = assessRisk({ mmsis: [SHIP, 636000001], screening, events, identities });
    expect(r.indicators.map((i) => [i.id, i.points, i.evidence.values])).toEqual([
      ['possible_sanctions_match', 40, []],
      ['spoofing', 40, ['spoofing', 'shared_mmsi']],
      // The same name carried over to the new MMSI is not a name change.
      ['identity_change', 10, ['shipname: MAIA-1 -> MAIA (2023-06-02)']],
      ['flag_hopping', 15, ['RU -> LR']],
      ['flag_of_convenience', 5, ['LR']],
    ]);
    expect([r.score, r.level]).toEqual([110, 'high']);
  });
});
