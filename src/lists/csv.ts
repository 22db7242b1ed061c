// A small RFC 4180 CSV reader: quoted fields, doubled quotes, CRLF or LF, and the DOS end-of-file byte
// (0x1A) the OFAC legacy files end with. Returns rows as arrays of raw strings.

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1; // byte-order mark
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      field += c; i++; continue;
    }
    if (c === '"' && field.trim() === '') { field = ''; quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' || c === '\n') {
      row.push(field); field = '';
      if (!(row.length === 1 && row[0] === '')) rows.push(row);
      row = [];
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (c === '\x1a') { i++; continue; }
    field += c; i++;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
  }
  return rows;
}

/** Rows keyed by a header row (header names lower-cased and trimmed). */
export function parseCsvWithHeader(text: string): { header: string[]; rows: Array<Record<string, string>> } {
  const all = parseCsv(text);
  const header = (all[0] ?? []).map((h) => h.trim().toLowerCase());
  const rows = all.slice(1).map((cells) => {
    const rec: Record<string, string> = {};
    header.forEach((h, k) => { rec[h] = (cells[k] ?? '').trim(); });
    return rec;
  });
  return { header, rows };
}
