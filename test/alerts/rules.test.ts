import { describe, expect, it } from 'vitest';
import { describeRule, makeRule, resolvePort, RuleError } from '../../src/alerts/rules.js';

describe('watch rules', () => {
  it('resolves ports by id or by any part of their name', () => {
    expect(resolvePort('KPNJN')).toBe('KPNJN');
    expect(resolvePort('Rajin')).toBe('KPNJN');
    expect(resolvePort('najin')).toBe('KPNJN');
    expect(resolvePort('vostochny')).toBe('RUVYP');
    expect(() => resolvePort('Busan')).toThrow(/unknown port of interest "Busan" \(one of: KPNJN Najin\/Rajin/);
  });

  it('fills defaults, sorts ports and derives the same id for the same rule', () => {
    const a = makeRule({ kind: 'dark', imo: 'IMO 9074729', ports: ['Vostochny', 'Rajin'] });
    expect(a).toMatchObject({ kind: 'dark_near_port', imo: '9074729', mmsi: null, ports: ['KPNJN', 'RUVYP'], withinKm: 50, afterH: 6, label: null });
    expect(makeRule({ kind: 'dark_near_port', imo: '9074729', ports: ['KPNJN', 'RUVYP'], label: 'x' }).id).toBe(a.id);
    expect(makeRule({ kind: 'dark', imo: '9074729', ports: ['KPNJN'] }).id).not.toBe(a.id);
    expect(describeRule(a)).toBe('IMO 9074729 silent ≥ 6 h within 50 km of KPNJN, RUVYP');
    expect(describeRule(makeRule({ kind: 'active', lists: ['ofac-sdn'] }))).toBe('ship on ofac-sdn transmitting after ≥ 6 h silent (or first seen)');
  });

  it('refuses what cannot be watched, saying why', () => {
    expect(() => makeRule({ kind: 'dark', imo: '9365199' })).toThrow(/check digit/);
    expect(() => makeRule({ kind: 'dark' })).toThrow(/give its IMO/);
    expect(() => makeRule({ kind: 'dark', imo: '9074729', mmsi: 273000001 })).toThrow(RuleError);
    expect(() => makeRule({ kind: 'dark', imo: '9074729', withinKm: -5 })).toThrow(/within-km must be a number above 0/);
    expect(() => makeRule({ kind: 'encounter', imo: '9074729' })).toThrow(/takes no imo/);
    expect(() => makeRule({ kind: 'darkness' })).toThrow(/unknown rule kind "darkness"/);
    expect(() => makeRule({ kind: 'active', lists: ["x'; DROP"] })).toThrow(/not a list name/);
  });
});
