// The dialect of a CSV file, read from its first bytes by Tumen rather than by DuckDB's sniffer: the
// sniffer looks at the first 20,480 rows, so one malformed row there (an extra field) made it guess a
// one-column file and the ingest answered "no mmsi column". With the header, delimiter and encoding fixed
// here, DuckDB reads every row the same way and a bad row is one counted reject.
const DELIMITERS = [',', ';', '\t', '|'] as const;
const UTF8_BOM = '\u00ef\u00bb\u00bf'; // the BOM's bytes as latin-1 text

export interface CsvDialect {
  columns: string[];
  delim: string;
  /** latin-1 when the first bytes are not valid UTF-8 (older exports); DuckDB decodes accordingly. */
  encoding: 'utf-8' | 'latin-1';
}

/** Splits one CSV line on `delim`, honouring double quotes ("" inside quotes is a quote). */
export function splitCsvLine(line: string, delim: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delim) { out.push(cell); cell = ''; } else cell += ch;
  }
  out.push(cell);
  return out;
}

function isUtf8(bytes: Buffer): boolean {
  // The head may end inside a multi-byte character: judge the bytes up to its last line break.
  const end = bytes.lastIndexOf(0x0a);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(end > 0 ? bytes.subarray(0, end) : bytes);
    return true;
  } catch {
    return false;
  }
}

/** Unique, non-empty column names (DuckDB needs both): `x`, `x_2`; an empty name becomes `column3`. */
function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, i) => {
    let name = raw.trim() || `column${i + 1}`;
    for (let k = 2; seen.has(name); k++) name = `${raw.trim() || `column${i + 1}`}_${k}`;
    seen.add(name);
    return name;
  });
}

/** `head` = the file's first bytes as latin-1 text (formats.readHead), decompressed when gzip. */
export function csvDialect(head: string, label: string): CsvDialect {
  const bytes = Buffer.from(head, 'latin1');
  const encoding = isUtf8(bytes) ? 'utf-8' : 'latin-1';
  let text = head.startsWith(UTF8_BOM) ? head.slice(UTF8_BOM.length) : head;
  if (encoding === 'utf-8') text = bytes.subarray(head.startsWith(UTF8_BOM) ? 3 : 0).toString('utf8');
  const nl = text.search(/\r\n|\n|\r/);
  const line = nl < 0 ? text : text.slice(0, nl);
  if (line.trim() === '') throw new Error(`${label}: empty file (no header line); a CSV needs a header such as mmsi,time,lat,lon`);
  const delim = [...DELIMITERS].sort((a, b) => splitCsvLine(line, b).length - splitCsvLine(line, a).length)[0];
  return { columns: uniqueNames(splitCsvLine(line, delim)), delim, encoding };
}
