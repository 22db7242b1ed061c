// OFAC SDN list XML (sdn.xml, schema http://tempuri.org/sdnList.xsd): <sdnEntry> with uid, names,
// sdnType, programList, idList (IMO as "Vessel Registration Identification", MMSI, former flags),
// akaList (a.k.a. / f.k.a.), vesselInfo. The "advanced" SDN_ADVANCED.XML format is a different schema.
import { asArray, parseXml, text } from './xml.js';
import { addUnique, emptyEntry, type ListEntry, type ParsedList, type RejectedRecord } from './types.js';
import { ofacKind } from './ofac-kind.js';
import { companyImosIn, formerFlagsIn, linkedToIn, mmsisIn, vesselImosIn } from './remarks.js';

type Rec = Record<string, unknown>;

/** "07/07/2021" (US month/day/year) -> "2021-07-07". */
function isoFromUsDate(d: string | null): string | null {
  const m = d?.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  return m ? `${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}` : d;
}

export function parseOfacXml(xml: string): ParsedList {
  const doc = parseXml(xml);
  const root = doc.sdnList as Rec | undefined;
  if (!root) {
    if ('Sanctions' in doc) throw new Error('this is the OFAC "advanced" XML (SDN_ADVANCED.XML); import sdn.xml or the legacy CSV set instead');
    throw new Error('not an OFAC SDN XML file: no <sdnList> root element');
  }
  const rejects: RejectedRecord[] = [];
  const entries: ListEntry[] = [];
  const info = root.publshInformation as Rec | undefined;
  const published = isoFromUsDate(text(info?.Publish_Date));

  asArray(root.sdnEntry as Rec[]).forEach((r, k) => {
    const uid = text(r.uid);
    const name = [text(r.firstName), text(r.lastName)].filter(Boolean).join(' ');
    if (!uid || !name) { rejects.push({ where: `sdnEntry #${k + 1}`, reason: 'no uid or name' }); return; }
    const e = emptyEntry(uid, uid, ofacKind(text(r.sdnType)), name);
    for (const p of asArray((r.programList as Rec | undefined)?.program)) addUnique(e.programs, text(p));
    for (const a of asArray((r.akaList as Rec | undefined)?.aka as Rec[])) {
      const alt = [text(a.firstName), text(a.lastName)].filter(Boolean).join(' ');
      addUnique(/f\.k\.a/i.test(text(a.type) ?? '') ? e.formerNames : e.aliases, alt);
    }
    const idTexts: string[] = [];
    for (const id of asArray((r.idList as Rec | undefined)?.id as Rec[])) {
      const type = text(id.idType) ?? '';
      const num = text(id.idNumber) ?? '';
      idTexts.push(`${type} ${num}`);
      if (/^MMSI$/i.test(type)) addUnique(e.mmsi, num.replace(/\D/g, ''));
      if (/Former Vessel Flag/i.test(type)) addUnique(e.formerFlags, num);
    }
    const vi = r.vesselInfo as Rec | undefined;
    if (vi) {
      addUnique(e.callsigns, text(vi.callSign));
      e.vesselType = text(vi.vesselType);
      e.flag = text(vi.vesselFlag);
      e.owner = text(vi.vesselOwner);
    }
    e.remarks = text(r.remarks);
    const all = `${idTexts.join('; ')}; ${e.remarks ?? ''}`;
    if (e.kind === 'vessel') for (const imo of vesselImosIn(all)) addUnique(e.imo, imo);
    else for (const imo of companyImosIn(all)) addUnique(e.imoCompany, imo);
    for (const m of mmsisIn(all)) addUnique(e.mmsi, m);
    for (const f of formerFlagsIn(e.remarks ?? '')) addUnique(e.formerFlags, f);
    for (const l of linkedToIn(all)) addUnique(e.linkedTo, l);
    entries.push(e);
  });

  const count = text(info?.Record_Count);
  if (count && Number(count) !== entries.length + rejects.length) {
    rejects.push({ where: 'publshInformation', reason: `Record_Count says ${count}, file holds ${entries.length + rejects.length}` });
  }
  return { source: 'ofac-xml', version: published, published, entries, rejects };
}
