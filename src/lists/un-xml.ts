// UN Security Council Consolidated List XML (https://scsanctions.un.org/resources/xml/en/consolidated.xml,
// schema https://www.un.org/sc/resources/sc-sanctions.xsd). Individuals and entities are entries keyed by
// their permanent reference number (e.g. KPe.061); vessels named in an entity's narrative become vessel
// entries of their own, reported under the naming entry's reference number.
import { asArray, parseXml, text } from './xml.js';
import { addUnique, emptyEntry, type ListEntry, type ParsedList, type RejectedRecord } from './types.js';
import { companyImosIn } from './remarks.js';
import { vesselNamesInNarrative } from './un-vessels.js';

type Rec = Record<string, unknown>;

export function parseUnXml(xml: string): ParsedList {
  const doc = parseXml(xml);
  const root = doc.CONSOLIDATED_LIST as Rec | undefined;
  if (!root) throw new Error('not a UN consolidated list: no <CONSOLIDATED_LIST> root element');
  const rejects: RejectedRecord[] = [];
  const entries: ListEntry[] = [];
  const seen = new Set<string>();
  const push = (e: ListEntry, where: string): void => {
    if (seen.has(e.key)) { rejects.push({ where, reason: `duplicate key ${e.key}` }); return; }
    seen.add(e.key);
    entries.push(e);
  };

  asArray((root.INDIVIDUALS as Rec | undefined)?.INDIVIDUAL as Rec[]).forEach((r, k) => {
    const ref = text(r.REFERENCE_NUMBER);
    const name = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((f) => text(r[f])).filter(Boolean).join(' ');
    if (!ref || !name) { rejects.push({ where: `INDIVIDUAL #${k + 1} (DATAID ${text(r.DATAID) ?? '?'})`, reason: 'no reference number or name' }); return; }
    const e = emptyEntry(ref, ref, 'person', name);
    fillCommon(e, r, 'INDIVIDUAL_ALIAS');
    push(e, `INDIVIDUAL ${ref}`);
  });

  asArray((root.ENTITIES as Rec | undefined)?.ENTITY as Rec[]).forEach((r, k) => {
    const ref = text(r.REFERENCE_NUMBER);
    const name = text(r.FIRST_NAME);
    if (!ref || !name) { rejects.push({ where: `ENTITY #${k + 1} (DATAID ${text(r.DATAID) ?? '?'})`, reason: 'no reference number or name' }); return; }
    const e = emptyEntry(ref, ref, 'organization', name);
    fillCommon(e, r, 'ENTITY_ALIAS');
    for (const imo of companyImosIn(e.remarks ?? '')) addUnique(e.imoCompany, imo);
    push(e, `ENTITY ${ref}`);
    for (const vesselName of vesselNamesInNarrative(e.remarks ?? '')) {
      const v = emptyEntry(`${ref}/vessel/${vesselName}`, ref, 'vessel', vesselName);
      v.programs = [...e.programs];
      v.linkedTo = [name];
      v.owner = name;
      v.remarks = `named in the narrative of UN entry ${ref} (${name})`;
      push(v, `ENTITY ${ref} vessel ${vesselName}`);
    }
  });

  const generated = typeof root['@dateGenerated'] === 'string' ? root['@dateGenerated'] : null;
  return { source: 'un', version: generated, published: generated ? generated.slice(0, 10) : null, entries, rejects };
}

function fillCommon(e: ListEntry, r: Rec, aliasTag: string): void {
  addUnique(e.programs, text(r.UN_LIST_TYPE));
  e.remarks = text(r.COMMENTS1)?.replace(/\s+/g, ' ') ?? null;
  for (const a of asArray(r[aliasTag] as Rec[])) addUnique(e.aliases, text((a as Rec).ALIAS_NAME));
}
