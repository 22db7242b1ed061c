import { describe, expect, it } from 'vitest';
import { unConsolidated } from '../fixtures/sanctions/load.js';
import { vesselNamesInNarrative } from '../../src/lists/un-vessels.js';
import { parseUnXml } from '../../src/lists/un-xml.js';

describe('UN consolidated list XML', () => {
  const list = unConsolidated();

  it('keeps the list date and every individual and entity', () => {
    expect(list.version).toBe('2026-02-27T00:00:09.554Z');
    expect(list.published).toBe('2026-02-27');
    expect(list.rejects).toEqual([]);
    expect(list.entries.filter((e) => e.kind === 'person')).toHaveLength(730);
    expect(list.entries.filter((e) => e.kind === 'organization')).toHaveLength(273);
  });

  it('reads DPRK shipping companies with their IMO company numbers and aliases', () => {
    const e = list.entries.find((x) => x.key === 'KPe.061')!;
    expect(e.name).toBe('KOREA ACHIM SHIPPING CO');
    expect(e.imoCompany).toEqual(['5936312']);
    expect(e.programs).toEqual(['DPRK']);
    const omm = list.entries.find((x) => x.key === 'KPe.020')!;
    expect(omm.aliases).toContain('East Sea Shipping Company');
    expect(omm.imoCompany).toEqual(['1790183']);
  });

  it('extracts the vessels named in the narratives as vessel entries under the naming entry', () => {
    const vessels = list.entries.filter((e) => e.kind === 'vessel');
    expect(vessels).toHaveLength(28);
    expect(vessels.filter((v) => v.entryId === 'KPe.061').map((v) => v.name)).toEqual(['CHON MA SAN', 'YU JONG 2']);
    expect(vessels.filter((v) => v.entryId === 'KPe.070').map((v) => v.name)).toEqual(['JI SONG 6', 'JI SONG 8', 'WOORY STAR']);
    const cms = vessels.find((v) => v.key === 'KPe.061/vessel/CHON MA SAN')!;
    expect(cms.owner).toBe('KOREA ACHIM SHIPPING CO');
    expect(cms.imo).toEqual([]); // the narrative's IMO number is the company's
  });

  it('reads vessel names from narrative cues, not company names or acronyms', () => {
    expect(vesselNamesInNarrative('A DPRK-flagged tanker, SAM MA 2 owned by Korea Samma Shipping Company, ... erase SAMMA SHIPPING and put “Hai Xin You 606”'))
      .toEqual(['SAM MA 2']);
    expect(vesselNamesInNarrative('The Chongchongang Shipping Company, through its vessel, the Chong Chon Gang, attempted'))
      .toEqual(['CHONG CHON GANG']);
    expect(vesselNamesInNarrative('Registered owner of DPRK tankers SAM JONG 1 and SAM JONG 2. IMO number: 5954061.'))
      .toEqual(['SAM JONG 1', 'SAM JONG 2']);
  });

  it('rejects a file that is not the UN list', () => {
    expect(() => parseUnXml('<sdnList></sdnList>')).toThrow(/not a UN consolidated list/);
  });
});
