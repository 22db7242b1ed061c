// Which parser a file needs, from its name and first bytes.
import type { ListSource } from './types.js';

export function detectListSource(fileName: string, head: string): ListSource {
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) {
    if (/<CONSOLIDATED_LIST\b/.test(head)) return 'un';
    if (/<sdnList\b/.test(head)) return 'ofac-xml';
    throw new Error(`${fileName}: XML, but neither a UN consolidated list nor an OFAC sdnList`);
  }
  if (start.startsWith('{')) return 'opensanctions';
  const firstLine = start.split(/\r?\n/, 1)[0].toLowerCase();
  // The OFAC legacy sdn.csv has no header: it starts with an ent_num and a quoted name.
  if (/^\d+,"/.test(firstLine) || /(^|\/)sdn\.csv$/i.test(fileName)) return 'ofac';
  if (/\b(imo|mmsi|name|callsign)\b/.test(firstLine)) return 'csv';
  throw new Error(`${fileName}: cannot tell the list format; pass --source ofac|un|opensanctions|csv`);
}
