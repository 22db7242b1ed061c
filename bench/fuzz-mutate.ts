// Seeded mutations of real input for the fuzz campaign (bench/fuzz.ts) and its regression corpus
// (test/fixtures/fuzz). Every mutator takes and returns bytes, so invalid UTF-8, NUL and CR survive.

/** A small deterministic PRNG (mulberry32): the same seed gives the same campaign. */
export function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
}

type Mutator = (line: Buffer, r: (n: number) => number, pool: Buffer[]) => Buffer;
const b = (s: string): Buffer => Buffer.from(s, 'latin1');
const at = (x: Buffer, r: (n: number) => number) => r(x.length + 1);

/** Line mutators for NMEA: name -> function. Fragment-order and CR-only mutations act on neighbours. */
export const NMEA_MUTATORS: Record<string, Mutator> = {
  flip: (x, r) => { const y = Buffer.from(x); if (y.length) y[r(y.length)] ^= 1 << r(8); return y; },
  insert: (x, r) => { const i = at(x, r); return Buffer.concat([x.subarray(0, i), Buffer.from([r(256)]), x.subarray(i)]); },
  delete: (x, r) => { const i = r(Math.max(1, x.length)); return Buffer.concat([x.subarray(0, i), x.subarray(i + 1)]); },
  truncate: (x, r) => x.subarray(0, r(x.length + 1)),
  nul: (x, r) => { const i = at(x, r); return Buffer.concat([x.subarray(0, i), Buffer.from([0]), x.subarray(i)]); },
  invalidUtf8: (x, r) => {
    const bad = [[0xc3, 0x28], [0xff, 0xfe], [0x80], [0xed, 0xa0, 0x80]][r(4)];
    const i = at(x, r);
    return Buffer.concat([x.subarray(0, i), Buffer.from(bad), x.subarray(i)]);
  },
  fragmentCount: (x, r) => b(x.toString('latin1').replace(/(VD[MO],)\d,/, `$1${['0', '9'][r(2)]},`)),
  fragmentNumber: (x, r) => b(x.toString('latin1').replace(/(VD[MO],\d,)\d,/, `$1${r(10)},`)),
  badTagBlock: (x, r) => {
    const bad = ['\\s:x,c:12*', '\\c:1234567890123456*00\\', '\\g:1-2-\\', '\\\\', '\\c:1e21*4F\\', '\\s:r,c:-5*00\\', `\\c:${'9'.repeat(r(30))}\\`];
    return Buffer.concat([b(bad[r(bad.length)]), x.subarray(x.indexOf(0x21) >= 0 ? x.indexOf(0x21) : 0)]);
  },
  farTime: (x, r) => {
    const t = ['c:8640000000000001', 'c:99999999999', 'c:1e21', 'c:0', 'c:-1', 'c:253402300800', 'c:599999999999999'][r(7)];
    const s = x.toString('latin1');
    return b(/c:\d+/.test(s) ? s.replace(/c:\d+/, t) : `\\${t}*00\\${s}`);
  },
  pghpYear: (x, r) => b(`$PGHP,1,${['20983', '-2010', '0000', '99999999'][r(4)]},13,1,0,0,0,0,,,,,*00\r\n${x.toString('latin1')}`),
  hugeLine: (x, r) => Buffer.concat([x, Buffer.alloc((1 << 20) + r(1000), 0x41)]),
  crOnly: (x, r, pool) => Buffer.concat([x, b('\r'), pool[r(pool.length)], b('\r'), pool[r(pool.length)]]),
  splice: (x, r, pool) => { const y = pool[r(pool.length)]; return Buffer.concat([x.subarray(0, at(x, r)), y.subarray(r(y.length + 1))]); },
};

/** `n` mutated lines from `pool`, each as bytes (no line break), and the count per mutator. */
export function* mutatedLines(pool: Buffer[], n: number, seed: number, opts: { hugeEvery?: number } = {}): Generator<[string, Buffer]> {
  const r = rng(seed);
  const names = Object.keys(NMEA_MUTATORS).filter((k) => k !== 'hugeLine');
  const hugeEvery = opts.hugeEvery ?? 100_000;
  let prev: Buffer | null = null;
  for (let i = 0; i < n; i++) {
    const line = pool[r(pool.length)];
    if (i > 0 && i % hugeEvery === 0) { yield ['hugeLine', NMEA_MUTATORS.hugeLine(line, r, pool)]; continue; }
    // One line in ten is left intact, one in ten swapped with its predecessor (fragments out of order).
    const k = r(10);
    if (k === 0) { yield ['intact', line]; prev = line; continue; }
    if (k === 1 && prev) { yield ['swap', line]; yield ['swap', prev]; i++; prev = null; continue; }
    const name = names[r(names.length)];
    let out = NMEA_MUTATORS[name](line, r, pool);
    if (r(4) === 0) out = NMEA_MUTATORS[names[r(names.length)]](out, r, pool); // a second mutation on top
    prev = line;
    yield [name, out];
  }
}

/** CSV mutations: whole files from a header and rows (BOM, quoted newlines, wrong columns, bad values). */
export function mutateCsv(header: string, rows: string[], r: (n: number) => number): { name: string; bytes: Buffer } {
  const kinds = ['bom', 'quotedNewline', 'wrongColumns', 'nonNumeric', 'extraField', 'missingField', 'latin1', 'brokenQuote', 'epoch17', 'mmsi0', 'semicolon', 'crlf', 'mixedEndings', 'nul', 'emptyRows'];
  const kind = kinds[r(kinds.length)];
  let h = header;
  let body = rows.map((row) => {
    if (r(20) !== 0) return row;
    const cells = row.split(',');
    const i = r(cells.length);
    switch (kind) {
      case 'quotedNewline': cells[i] = `"${cells[i]}\n${cells[i]}"`; break;
      case 'nonNumeric': cells[i] = ['north', 'NaN', '1e999', '--1', ''][r(5)]; break;
      case 'extraField': cells.push('x'); break;
      case 'missingField': cells.pop(); break;
      case 'brokenQuote': cells[i] = `"${cells[i]}`; break;
      case 'epoch17': cells[1] = '12345678901234567'; break;
      case 'mmsi0': cells[0] = '0'; break;
      case 'nul': cells[i] = `${cells[i]}\u0000`; break;
      case 'emptyRows': return '';
    }
    return cells.join(',');
  });
  if (kind === 'wrongColumns') h = h.split(',').map((c) => `${c}_x`).join(',');
  if (kind === 'semicolon') { h = h.replaceAll(',', ';'); body = body.map((l) => l.replaceAll(',', ';')); }
  let text = `${h}${kind === 'crlf' ? '\r\n' : '\n'}${body.join(kind === 'crlf' || kind === 'mixedEndings' ? '\r\n' : '\n')}\n`;
  if (kind === 'bom') text = `\ufeff${text}`;
  const bytes = kind === 'latin1' ? Buffer.from(text.replace(/S(\d)/g, 'Ø$1'), 'latin1') : Buffer.from(text, 'utf8');
  return { name: kind, bytes };
}
