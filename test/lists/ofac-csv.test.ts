import { describe, expect, it } from 'vitest';
import { ofac2021 } from '../fixtures/sanctions/load.js';
import { parseOfacCsv } from '../../src/lists/ofac-csv.js';

describe('OFAC legacy CSV set (2021 snapshot)', () => {
  const list = ofac2021();
  const vessels = list.entries.filter((e) => e.kind === 'vessel');

  it('reads every SDN row, none rejected', () => {
    expect(list.entries).toHaveLength(8976);
    expect(list.rejects).toEqual([]);
    expect(vessels).toHaveLength(406);
    expect(list.entries.filter((e) => e.kind === 'person').length).toBeGreaterThan(3000);
  });

  it('takes ship IMOs and MMSIs from the remarks', () => {
    expect(vessels.filter((v) => v.imo.length > 0)).toHaveLength(400);
    expect(vessels.filter((v) => v.mmsi.length > 0)).toHaveLength(51);
    // "Vessel Registration Identification 8606173" has no "IMO" word: still an IMO.
    expect(vessels.find((v) => v.name === 'RYONG GUN BONG')?.imo).toEqual(['8606173']);
  });

  it('reads a DPRK tanker with its IMO, programme and link', () => {
    const e = vessels.find((v) => v.name === 'CHON MA SAN')!;
    expect(e.entryId).toBe('23729');
    expect(e.imo).toEqual(['8660313']);
    expect(e.programs).toEqual(['DPRK4']);
    expect(e.flag).toBe("Democratic People's Republic of Korea");
    expect(e.linkedTo).toEqual(['KOREA ACHIM SHIPPING CO']);
  });

  it('joins aliases (alt.csv) and remarks: former names, former flags, call sign, MMSI', () => {
    const e = list.entries.find((x) => x.entryId === '15036')!;
    expect(e.name).toBe('ARTAVIL');
    expect(e.formerNames).toEqual(['ABADAN', 'SHONA', 'ALPHA']);
    expect(e.callsigns).toEqual(['T2EU4']);
    expect(e.mmsi).toEqual(['572469210']);
    expect(e.formerFlags).toEqual(['Malta', 'Tuvalu', 'Tanzania']);
    expect(e.vesselType).toBe('Crude/Oil Products Tanker');
  });

  it('keeps company IMO numbers apart from ship IMOs', () => {
    const e = list.entries.find((x) => x.name === 'KOREA ACHIM SHIPPING CO')!;
    expect(e.kind).toBe('organization');
    expect(e.imo).toEqual([]);
    expect(e.imoCompany).toEqual(['5936312']);
  });

  it('appends sdn_comments.csv to the truncated remarks', () => {
    const e = list.entries.find((x) => x.entryId === '28264')!;
    expect(e.remarks).toContain('sections 510.201 and 510.210; Phone Number 8613314257947');
  });

  it('counts malformed rows as rejects with a reason', () => {
    const out = parseOfacCsv({ sdn: '1,"A","vessel"\n2,"OK",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n', alt: '9,1,"aka","X",-0- \n' });
    expect(out.entries.map((e) => e.name)).toEqual(['OK']);
    expect(out.rejects).toEqual([
      { where: 'sdn.csv record 1', reason: 'expected 12 columns with a numeric ent_num, got 3 columns' },
      { where: 'alt.csv ent_num 9', reason: 'no such ent_num in sdn.csv' },
    ]);
  });
});
