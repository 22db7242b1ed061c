// The fuzz campaign: mutated real input through the decoder, `tumen decode`'s file path, the NMEA and
// CSV ingest and the list parsers. Asserts 0 crashes, 0 hangs (slowest line/file reported), bounded RSS,
// counts that add up, and that a refused list import changes nothing. Writes a small regression corpus.
//   npx tsx bench/fuzz.ts [--lines 1200000] [--ingest-lines 200000] [--csv-files 40] [--list-files 40] [--seed 1] [--corpus test/fixtures/fuzz]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { AisDecoder } from '../src/ais/index.js';
import { decodeFiles } from '../src/cli/commands/decode.js';
import { ingestFiles } from '../src/ingest/ingest.js';
import { Store } from '../src/store/db.js';
import { importList, listLists } from '../src/store/lists.js';
import { parseOfacCsv } from '../src/lists/ofac-csv.js';
import { parseUnXml } from '../src/lists/un-xml.js';
import { OpenSanctionsReader } from '../src/lists/opensanctions.js';
import { mutateCsv, mutatedLines, rng } from './fuzz-mutate.js';

const arg = (name: string, def: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const LINES = Number(arg('lines', '1200000'));
const INGEST_LINES = Number(arg('ingest-lines', '200000'));
const CSV_FILES = Number(arg('csv-files', '40'));
const LIST_FILES = Number(arg('list-files', '40'));
const SEED = Number(arg('seed', '1'));
const CORPUS = arg('corpus', '');

const fixture = (p: string): Buffer => {
  const raw = readFileSync(new URL(`../test/fixtures/${p}`, import.meta.url));
  return p.endsWith('.gz') ? gunzipSync(raw) : raw;
};
const splitLines = (buf: Buffer): Buffer[] => {
  const out: Buffer[] = [];
  let s = 0;
  for (let i = 0; i < buf.length; i++) if (buf[i] === 10) { out.push(buf.subarray(s, buf[i - 1] === 13 ? i - 1 : i)); s = i + 1; }
  return out.filter((l) => l.length > 0);
};
const POOL = [
  'ais/dma-stream_example.txt.gz', 'ais/amsa-ais.txt.gz', 'ais/libais-tagblock.nmea', 'ais/pyais-gatehouse.nmea',
  'ais/amsa-exact-earth-with-tag-block.txt', 'ais/amsa-nmea-timestamped.txt', 'ais/pyais-mixed.txt', 'ais/libais-typeexamples.nmea',
].flatMap((f) => splitLines(fixture(f)).slice(0, 20_000));

let peakRss = 0;
const sampleRss = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };
const rssTimer = setInterval(sampleRss, 200);
const mb = (n: number) => `${Math.round(n / 1e6)} MB`;
const failures: string[] = [];
const check = (ok: boolean, what: string) => { if (!ok) failures.push(what); };
const dir = mkdtempSync(join(tmpdir(), 'tumen-fuzz-'));
const corpus: Record<string, Buffer[]> = { nmea: [], csv: [], lists: [] };

// 1. The decoder, line by line, in process.
{
  const t0 = performance.now();
  const d = new AisDecoder({ keepPayload: false });
  let n = 0;
  let slowest = 0;
  const perMutator: Record<string, number> = {};
  for (const [name, bytes] of mutatedLines(POOL, LINES, SEED)) {
    const line = bytes.toString('latin1');
    // A line with a CR inside is several lines to a reader; the decoder gets what a reader would give it.
    for (const part of name === 'crOnly' ? line.split('\r') : [line]) {
      const t = performance.now();
      try {
        d.decodeLine(part);
      } catch (err) {
        failures.push(`decoder threw on ${JSON.stringify(part.slice(0, 120))}: ${(err as Error).message}`);
        if (corpus.nmea.length < 400) corpus.nmea.push(bytes);
      }
      slowest = Math.max(slowest, performance.now() - t);
      n++;
    }
    perMutator[name] = (perMutator[name] ?? 0) + 1;
    if (CORPUS && corpus.nmea.length < 300 && (n % 4001 === 0 || name === 'hugeLine')) corpus.nmea.push(bytes);
  }
  d.flush();
  const sum = Object.values(d.counts).reduce((a, v) => a + v, 0);
  check(sum === n, `decoder counts ${sum} != lines ${n}`);
  sampleRss();
  console.log(`decoder: ${n} lines in ${((performance.now() - t0) / 1000).toFixed(1)} s, slowest line ${slowest.toFixed(1)} ms, `
    + `counts add up: ${sum === n}; messages ${d.counts.message}, fragments ${d.counts.fragment}; peak RSS ${mb(peakRss)}`);
  console.log(`  mutations: ${Object.entries(perMutator).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

// 2. A mutated file through `tumen decode` (reader + decoder) and `tumen ingest` (reader, decoder, store).
{
  const parts: Buffer[] = [];
  for (const [, bytes] of mutatedLines(POOL, INGEST_LINES, SEED + 1, { hugeEvery: 50_000 })) parts.push(bytes, Buffer.from('\n'));
  const file = join(dir, 'mutated.nmea');
  writeFileSync(file, Buffer.concat(parts));
  let t = performance.now();
  const sink = { closed: false, write: () => undefined };
  const dec = await decodeFiles([file], { format: 'jsonl', strict: false }, sink);
  const decSum = Object.values(dec.counts).reduce((a, v) => a + v, 0);
  check(decSum === dec.lines, `decode: counts ${decSum} != lines ${dec.lines}`);
  console.log(`decode file: ${dec.lines} lines in ${((performance.now() - t) / 1000).toFixed(1)} s; messages ${dec.counts.message} + fragments ${dec.counts.fragment} + rejected/skipped ${decSum - dec.counts.message - dec.counts.fragment} = ${decSum}`);
  t = performance.now();
  const store = await Store.open(join(dir, 'fuzz.duckdb'), { memoryLimit: '384MB' });
  try {
    const [r] = await ingestFiles(store, [file], { worker: false });
    check(r.status === 'done', `ingest status ${r.status}: ${r.message}`);
    const c = r.counts!;
    const rejects = Object.values(c.rejects).reduce((a, v) => a + v, 0);
    const skipped = Object.values(c.skipped).reduce((a, v) => a + v, 0);
    // The ingest sees the lines decode sees and decodes the same messages; on top it rejects decoded
    // messages it cannot store (no_time without --start, positions out of range), counted by reason.
    check(c.lines === dec.lines, `ingest lines ${c.lines} != decode lines ${dec.lines}`);
    check(c.messages === dec.counts.message, `ingest messages ${c.messages} != decode messages ${dec.counts.message}`);
    console.log(`ingest: ${c.lines} lines in ${((performance.now() - t) / 1000).toFixed(1)} s; lines and messages equal decode's: ${c.lines === dec.lines && c.messages === dec.counts.message}; `
      + `stored ${c.positions} positions, ${c.statics} statics, ${c.duplicates} duplicates, ${c.notStored} not stored; rejected ${rejects} (${Object.entries(c.rejects).map(([k, v]) => `${k} ${v}`).join(', ')}), skipped ${skipped}`);
    const span = await store.one<{ lo: Date | null; hi: Date | null }>('SELECT min(time) AS lo, max(time) AS hi FROM positions');
    const inWindow = !span?.lo || (span.lo.getTime() >= Date.UTC(1990, 0, 1) && span.hi!.getTime() <= Date.now() + 86_400_000);
    check(inWindow, `stored times outside the window: ${span?.lo?.toISOString()} .. ${span?.hi?.toISOString()}`);
    console.log(`  stored time span ${span?.lo?.toISOString()} .. ${span?.hi?.toISOString()} (inside 1990..now+1 day: ${inWindow})`);
  } finally {
    store.close();
  }
  sampleRss();
}

// 3. CSV files: each mutated file ingests (counts add up) or fails with a message; never a throw.
{
  const header = 'mmsi,time,lat,lon,speed,course,shipname';
  const r = rng(SEED + 2);
  const store = await Store.open(join(dir, 'csv.duckdb'));
  const kinds: Record<string, number> = {};
  let rows = 0;
  const t = performance.now();
  try {
    for (let f = 0; f < CSV_FILES; f++) {
      const body = Array.from({ length: 2000 }, (_, i) => `${257000000 + f * 2000 + i},${1577836800 + i * 60},${60 + i / 1e4},${5 + i / 1e4},${i % 20},${i % 360},S${i}`);
      const { name, bytes } = mutateCsv(header, body, r);
      kinds[name] = (kinds[name] ?? 0) + 1;
      const path = join(dir, `f${f}-${name}.csv`);
      writeFileSync(path, bytes);
      try {
        const [out] = await ingestFiles(store, [path]);
        if (out.status === 'done') {
          const c = out.counts!;
          const rej = Object.values(c.rejects).reduce((a, v) => a + v, 0);
          check(c.lines === c.messages + rej + 1, `csv ${name}: lines ${c.lines} != messages ${c.messages} + rejected ${rej} + header`);
          rows += c.lines - 1;
        } else check(/:/.test(out.message ?? ''), `csv ${name}: failed without a message`);
      } catch (err) {
        failures.push(`csv ${name} threw: ${(err as Error).message}`);
      }
      if (CORPUS && corpus.csv.length < 14 && !Object.hasOwn(kinds, `${name}#saved`)) { kinds[`${name}#saved`] = 0; corpus.csv.push(bytes.subarray(0, 6000)); }
    }
  } finally {
    store.close();
  }
  console.log(`csv: ${CSV_FILES} files, ${rows} rows in ${((performance.now() - t) / 1000).toFixed(1)} s; kinds ${Object.entries(kinds).filter(([k]) => !k.includes('#')).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

// 4. List files: mutated OFAC CSV and UN XML parse or fail with an Error; entity expansion is refused;
// a huge JSON line is one reject; a refused import leaves the loaded list as it was.
{
  const r = rng(SEED + 3);
  const t = performance.now();
  const sdn = fixture('sanctions/ofac-2021/sdn.csv.gz').toString('latin1');
  const un = fixture('sanctions/un/UN_consolidated.xml.gz').toString('utf8');
  let parsed = 0;
  let errors = 0;
  let slowest = 0;
  for (let k = 0; k < LIST_FILES; k++) {
    const tk = performance.now();
    const src = k % 2 ? sdn : un;
    let text = src;
    for (let m = 0; m < 1 + r(20); m++) {
      const i = r(text.length);
      text = [text.slice(0, i) + text.slice(i + 1 + r(50)), text.slice(0, i), text.slice(0, i) + '<!--' + text.slice(i), text.slice(0, i) + '"' + text.slice(i)][r(4)];
    }
    try {
      const p = k % 2 ? parseOfacCsv({ sdn: text }) : parseUnXml(text);
      parsed++;
      check(p.entries.length >= 0, 'parse result');
    } catch (err) {
      if (!(err instanceof Error) || !err.message) failures.push(`list parser threw a non-Error: ${String(err)}`);
      errors++;
    }
    slowest = Math.max(slowest, performance.now() - tk);
  }
  let ents = '<!ENTITY a0 "lol">';
  for (let i = 1; i < 10; i++) ents += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
  const bomb = `<?xml version="1.0"?><!DOCTYPE CONSOLIDATED_LIST [${ents}]><CONSOLIDATED_LIST dateGenerated="2020-01-01"><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&a9;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>`;
  const tb = performance.now();
  let bombOut = '';
  try { bombOut = `${parseUnXml(bomb).entries.length} entries`; } catch (err) { bombOut = `refused: ${(err as Error).message.slice(0, 80)}`; }
  const bombMs = performance.now() - tb;
  check(bombMs < 2000, `entity expansion took ${bombMs} ms`);
  const reader = new OpenSanctionsReader();
  const hugeMb = 64;
  reader.push(`{"id":"x","schema":"Vessel","properties":{"name":["${'A'.repeat(hugeMb << 20)}"`);
  reader.push('{"id":"v1","schema":"Vessel","properties":{"name":["GOOD SHIP"],"imoNumber":["IMO9187629"]}}');
  const os = reader.finish();
  check(os.entries.length === 1, `opensanctions after a huge broken line: ${os.entries.length} entries`);
  sampleRss();
  // A refused import (empty, or a shrink) leaves the list exactly as it was.
  const store = await Store.open(join(dir, 'lists.duckdb'));
  try {
    await importList(store, parseOfacCsv({ sdn }), { name: 'ofac-sdn', file: 'sdn.csv', importedAt: new Date() });
    const before = JSON.stringify(await listLists(store));
    let refused = 0;
    for (const cut of [0, 0.05, 0.5]) {
      try {
        await importList(store, parseOfacCsv({ sdn: sdn.slice(0, Math.round(sdn.length * cut)) }), { name: 'ofac-sdn', file: 'cut.csv', importedAt: new Date() });
      } catch { refused++; }
    }
    const after = JSON.stringify(await listLists(store));
    check(refused === 3 && before === after, `refused imports: ${refused}/3, list unchanged: ${before === after}`);
    console.log(`lists: ${LIST_FILES} mutated files (${parsed} parsed, ${errors} errors with a message) in ${((performance.now() - t) / 1000).toFixed(1)} s, slowest ${(slowest / 1000).toFixed(1)} s; `
      + `entity bomb ${bombOut} in ${bombMs.toFixed(0)} ms; a ${hugeMb} MB JSON line: ${os.rejects.length} reject, next line read; refused imports ${refused}/3, list unchanged ${before === after}`);
  } finally {
    store.close();
  }
  if (CORPUS) corpus.lists.push(Buffer.from(bomb));
}

clearInterval(rssTimer);
sampleRss();
console.log(`peak RSS ${mb(peakRss)}; failures: ${failures.length}`);
for (const f of failures.slice(0, 20)) console.log(`  FAIL ${f}`);
if (CORPUS) {
  mkdirSync(CORPUS, { recursive: true });
  // The NMEA corpus drops the 1 MB lines to keep the repository small; the test makes its own.
  writeFileSync(join(CORPUS, 'nmea-mutated.txt'), Buffer.concat(corpus.nmea.filter((l) => l.length < 4096).flatMap((l) => [l, Buffer.from('\n')])));
  corpus.csv.forEach((c, i) => writeFileSync(join(CORPUS, `csv-${String(i).padStart(2, '0')}.csv`), c));
  writeFileSync(join(CORPUS, 'un-entity-bomb.xml'), corpus.lists[0]);
  console.log(`corpus written to ${CORPUS}`);
}
rmSync(dir, { recursive: true, force: true });
process.exitCode = failures.length ? 1 : 0;
