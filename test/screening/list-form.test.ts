// Names as port-call lists and bills of lading write them: the name is screened alone, a stated owner or
// manager goes to the listed-party check, and a listed name is never cut.
import { describe, expect, it } from 'vitest';
import { loadedFixtureEntries } from '../fixtures/sanctions/load.js';
import { ScreeningIndex } from '../../src/screening/index.js';
import { screenVessel } from '../../src/screening/screen.js';
import { listFormFinding, queryFromListForm, readListForm } from '../../src/screening/list-form.js';

describe('port-call forms of a name', () => {
  it('reads the owner after a slash, a care-of manager, a bracketed party, a flag and a voyage number', () => {
    expect(readListForm('ORIENTAL STAR / HUALONG OCEAN SHIPPING LTD')).toEqual({ name: 'ORIENTAL STAR', owner: 'HUALONG OCEAN SHIPPING LTD' });
    expect(readListForm('SEA DRAGON IX / NAVIERA LOS ANDES C.A.')).toEqual({ name: 'SEA DRAGON IX', owner: 'NAVIERA LOS ANDES C.A.' });
    expect(readListForm('BLUE BAY C/O KASPIAN SHIPPING LLC')).toEqual({ name: 'BLUE BAY', operator: 'KASPIAN SHIPPING LLC' });
    expect(readListForm('KORALL (OWNERS: KHALIJ NAVIGATION CO)')).toEqual({ name: 'KORALL', owner: 'KHALIJ NAVIGATION CO' });
    expect(readListForm('KORALL [MANAGED BY ZARMET MARINE]')).toEqual({ name: 'KORALL', operator: 'ZARMET MARINE' });
    expect(readListForm('HORMUZ 12 (IRAN)')).toEqual({ name: 'HORMUZ 12', flag: 'IRAN' });
    expect(readListForm('PO SAN (DPRK)')).toEqual({ name: 'PO SAN', flag: 'DPRK' });
    expect(readListForm('PO SAN (DPR Korea)')).toEqual({ name: 'PO SAN', flag: 'DPR Korea' });
    expect(readListForm('MV ALVARO VOY. 118')).toEqual({ name: 'MV ALVARO', voyage: '118' });
    expect(readListForm('TAE DONG GANG V.2104W')).toEqual({ name: 'TAE DONG GANG', voyage: '2104W' });
    expect(readListForm('TAE DONG GANG V2104W')).toEqual({ name: 'TAE DONG GANG', voyage: '2104W' });
    expect(readListForm('PACIFIC VOYAGE NO. 7 C/O ACME MARINE')).toEqual({ name: 'PACIFIC', operator: 'ACME MARINE', voyage: '7' });
  });

  it('reads the name out of what documents and reports write around it', () => {
    expect(readListForm('VESSEL: KORALL VOY. 031W')).toEqual({ name: 'KORALL', voyage: '031W' });
    expect(readListForm("Ship's name = HORMUZ 12")).toEqual({ name: 'HORMUZ 12' });
    expect(readListForm('NAME OF VESSEL: PO SAN')).toEqual({ name: 'PO SAN' });
    expect(readListForm('PER M/V ARTAVIL')).toEqual({ name: 'M/V ARTAVIL' });
    expect(readListForm('per MT Artavil')).toEqual({ name: 'MT Artavil' });
    expect(readListForm('ARTAVIL - ETA 12/03 0600')).toEqual({ name: 'ARTAVIL' });
    expect(readListForm('ARTAVIL, ETB: 14.03.2024')).toEqual({ name: 'ARTAVIL' });
    expect(readListForm('Artavil (or sub)')).toEqual({ name: 'Artavil' });
    expect(readListForm('ARTAVIL OR SUBSTITUTE')).toEqual({ name: 'ARTAVIL' });
    expect(readListForm('tanker Artavil')).toEqual({ name: 'Artavil' });
    expect(readListForm('the oil tanker ARTAVIL')).toEqual({ name: 'ARTAVIL' });
    expect(readListForm('cargo ship Bicentenario XIV')).toEqual({ name: 'Bicentenario XIV' });
  });

  it('keeps names that only look like a form', () => {
    for (const name of ['M/V ARTAVIL', 'VOYAGER', 'BICENTENARIO V', 'CARLOTA C', 'SEA STAR (EX ALPHA)', 'PATRIS (M/T)', 'ALPHA/BETA',
      'STAR / MOON', 'HAPPY V 12', 'ORION (2)', 'ZETA 12', 'ETA 1', 'TRADER OR SUN', 'PERSIAN GULF', 'PER M/V', 'VESSEL:',
      'TANKER ARTAVIL', 'tanker artavil', 'big Artavil', 'sea Artavil', 'OIL TRADER']) {
      expect(readListForm(name)).toEqual({ name });
    }
  });

  it('screens the name alone and states the owner; a query with its own owner keeps it', () => {
    const index = new ScreeningIndex(loadedFixtureEntries());
    const asked = { name: 'ARTAVIL / KORVANEL SHIPPING CO LTD' };
    expect(screenVessel(index, asked).verdict).toBe('clear'); // as written, the owner's words drown the name
    const read = queryFromListForm(asked);
    expect(read).toEqual({ name: 'ARTAVIL', owner: 'KORVANEL SHIPPING CO LTD', operator: undefined, flag: undefined });
    expect(screenVessel(index, read).matches[0]).toMatchObject({ entry_id: '15036', verdict: 'match', matched_on: ['name'] });
    expect(listFormFinding(asked, read)).toBe('name "ARTAVIL / KORVANEL SHIPPING CO LTD" read as a port-call entry: ship "ARTAVIL"; '
      + 'owner "KORVANEL SHIPPING CO LTD" checked as the stated owner');
    expect(queryFromListForm({ name: 'ARTAVIL (IRAN)', owner: 'ACME', flag: 'PA' })).toEqual({ name: 'ARTAVIL', owner: 'ACME', operator: undefined, flag: 'PA' });
    const reported = { name: 'per M/V Artavil - ETA 12/03 0600 (or sub)' };
    expect(screenVessel(index, reported).verdict).toBe('clear');
    expect(screenVessel(index, queryFromListForm(reported)).matches[0]).toMatchObject({ entry_id: '15036', verdict: 'match' });
    const plain = { name: 'ARTAVIL' };
    expect(queryFromListForm(plain)).toBe(plain);
    expect(listFormFinding(plain, plain)).toBeNull();
  });
});
