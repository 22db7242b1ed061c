import { describe, expect, it } from 'vitest';
import { fixtureText } from '../fixtures/sanctions/load.js';
import { parseCsv } from '../../src/lists/csv.js';
import { parseOfacXml } from '../../src/lists/ofac-xml.js';
import { parseOpenSanctions } from '../../src/lists/opensanctions.js';
import { parseCsvWatchlist } from '../../src/lists/csv-watchlist.js';
import { detectListSource } from '../../src/lists/detect.js';

describe('CSV reader', () => {
  it('handles quotes, doubled quotes, embedded commas and newlines, CRLF and the DOS EOF byte', () => {
    expect(parseCsv('1,"A, B","say ""hi""",-0- \r\n2,"line\nbreak",x\r\n\x1a')).toEqual([
      ['1', 'A, B', 'say "hi"', '-0- '],
      ['2', 'line\nbreak', 'x'],
    ]);
  });
});

describe('OFAC SDN XML', () => {
  const list = parseOfacXml(fixtureText('derived/sdn-sample.xml'));
  it('reads the publish date as the version and every identifier', () => {
    expect(list.version).toBe('2021-07-07');
    expect(list.entries.map((e) => [e.entryId, e.kind, e.name])).toEqual([
      ['15036', 'vessel', 'ARTAVIL'], ['23729', 'vessel', 'CHON MA SAN'], ['23707', 'organization', 'KOREA ACHIM SHIPPING CO'], ['23186', 'vessel', 'RYE SONG GANG 1'],
    ]);
    const a = list.entries[0];
    expect([a.imo, a.mmsi, a.callsigns, a.formerNames, a.formerFlags]).toEqual([['9187629'], ['572469210'], ['T2EU4'], ['ABADAN', 'SHONA', 'ALPHA'], ['Malta', 'Tuvalu', 'Tanzania']]);
    expect(list.entries[2].imoCompany).toEqual(['5936312']);
    expect(list.rejects).toEqual([]);
  });
});

describe('OFAC SDN XML variants', () => {
  it('reads a bare IMO (no "IMO" prefix), the newer default namespace, and a missing idList', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">
  <publshInformation><Publish_Date>08/28/2024</Publish_Date><Record_Count>2</Record_Count></publshInformation>
  <sdnEntry><uid>17104</uid><lastName>RYONG GUN BONG</lastName><sdnType>Vessel</sdnType>
    <idList><id><uid>1</uid><idType>Vessel Registration Identification</idType><idNumber>8606173</idNumber></id></idList></sdnEntry>
  <sdnEntry><uid>4238</uid><lastName>MAR AZUL</lastName><sdnType>Vessel</sdnType><vesselInfo><callSign>CL2192</callSign></vesselInfo></sdnEntry>
</sdnList>`;
    const list = parseOfacXml(xml);
    expect(list.published).toBe('2024-08-28');
    expect(list.entries.map((e) => [e.entryId, e.imo, e.callsigns])).toEqual([['17104', ['8606173'], []], ['4238', [], ['CL2192']]]);
    expect(list.rejects).toEqual([]);
  });
  it('refuses the advanced XML with a clear message', () => {
    expect(() => parseOfacXml('<Sanctions><DateOfIssue/></Sanctions>')).toThrow(/advanced/);
  });
});

describe('OpenSanctions FollowTheMoney JSON lines', () => {
  const list = parseOpenSanctions(fixtureText('derived/opensanctions-sample.jsonl'));
  it('reads Vessel and Organization entities and rejects a broken line', () => {
    expect(list.entries.map((e) => [e.entryId, e.kind])).toEqual([['ofac-15036', 'vessel'], ['ofac-23729', 'vessel'], ['ofac-23707', 'organization']]);
    expect(list.entries[0].imo).toEqual(['9187629']);
    expect(list.entries[0].formerNames).toEqual(['ABADAN', 'SHONA', 'ALPHA']);
    expect(list.entries[2].imoCompany).toEqual(['5936312']);
    expect(list.version).toBe('2021-07-07T00:00:00');
    // The Sanction record marks its entity listed; it is not an entry of its own.
    expect(list.rejects.map((r) => r.where)).toEqual(['line 5']);
    expect(list.entries.every((e) => e.listed === undefined)).toBe(true);
  });
});

describe('CSV watchlist', () => {
  it('reads rows and rejects a bad IMO with its line', () => {
    const list = parseCsvWatchlist(fixtureText('derived/watchlist.csv'));
    expect(list.entries.map((e) => [e.key, e.name, e.remarks])).toEqual([
      ['IMO9187629', 'ARTAVIL', 'OFAC SDN 15036 (IRAN)'],
      ['IMO8660313', 'CHON MA SAN', 'UN KPe.061 / OFAC 23729'],
      ['row4', 'LADY R', 'open reporting: Russia-DPRK munitions shuttle (RUSI 2023)'],
    ]);
    expect(list.rejects).toEqual([{ where: 'line 5', reason: 'IMO "12345" is not 7 digits' }]);
  });
  it('needs a header it knows', () => {
    expect(() => parseCsvWatchlist('a,b\n1,2\n')).toThrow(/needs a header/);
  });
});

describe('format detection', () => {
  it('tells the formats apart from their first bytes', () => {
    expect(detectListSource('x.xml', '<?xml version="1.0"?>\n<CONSOLIDATED_LIST dateGenerated="x">')).toBe('un');
    expect(detectListSource('sdn.xml', '<?xml version="1.0"?><sdnList xmlns="http://tempuri.org/sdnList.xsd">')).toBe('ofac-xml');
    expect(detectListSource('e.json', '{"id":"x","schema":"Vessel"}')).toBe('opensanctions');
    expect(detectListSource('list.csv', '36,"AEROCARIBBEAN AIRLINES",-0- ')).toBe('ofac');
    expect(detectListSource('mine.csv', 'imo,mmsi,name\n')).toBe('csv');
    expect(() => detectListSource('x.txt', 'hello')).toThrow(/cannot tell/);
  });
});
