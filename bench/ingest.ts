// Ingest of raw NMEA into the store: a ≥10 M-line file made by concatenating real captures (DMA
// stream_example, exactEarth satellite, AMSA ais.txt) is ingested by the built CLI under /usr/bin/time -v;
// reports lines/s, messages/s read, rows stored, peak RSS. The peer in the same run: decoding the same file
// in-process without storing (the decoder's own ceiling on this machine).
//   npm run build && npx tsx bench/ingest.ts [RUNS] [LINES]
// Note: repeated copies are duplicates under the dedup rule, so rows stored ≪ messages read; the AMSA part
// is mostly untimed, hence --start (each untimed message takes the last time seen before it).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { cpus } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { AisDecoder } from '../src/ais/index.js';
import { openOffsetLines } from '../src/io/lines.js';

const runs = Number(process.argv[2] ?? 3);
const targetLines = Number(process.argv[3] ?? 10_000_000);
const dir = '/tmp/tumen-bench';
mkdirSync(dir, { recursive: true });
const input = `${dir}/ingest-${targetLines}.nmea`;
const fx = (p: string) => gunzipSync(readFileSync(new URL(`../test/fixtures/${p}`, import.meta.url)));
const parts = [fx('ais/dma-stream_example.txt.gz'), fx('ingest/amsa-exact-earth-augmented.txt.gz'), fx('ais/amsa-ais.txt.gz')];
const linesPerRound = parts.reduce((a, b) => a + b.toString('latin1').split('\n').length - 1, 0);
const rounds = Math.ceil(targetLines / linesPerRound);
if (!existsSync(input)) {
  const fd = openSync(input, 'w');
  for (let i = 0; i < rounds; i++) for (const p of parts) writeSync(fd, p);
  closeSync(fd);
}
const lines = rounds * linesPerRound;
console.log(`input: ${input}, ${lines} lines (${rounds} rounds of ${linesPerRound})`);
console.log(`machine: nproc ${cpus().length}, ${cpus()[0].model}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const ingest: Array<{ wall: number; cpu: number; rssMb: number; messages: number; stored: number }> = [];
const decode: number[] = [];
const decodeCpu: number[] = [];
for (let r = 0; r < runs; r++) {
  // peer: in-process read + decode, nothing stored
  const d = new AisDecoder();
  let m = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for await (const b of openOffsetLines(input).blocks) for (const l of b.lines) if (d.decodeLine(l).kind === 'message') m++;
  const ds = (performance.now() - t0) / 1000;
  const dc = process.cpuUsage(c0);
  decode.push(m / ds);
  decodeCpu.push(m / ((dc.user + dc.system) / 1e6));

  const db = `${dir}/ingest-bench.duckdb`;
  rmSync(db, { force: true });
  rmSync(`${db}.wal`, { force: true });
  const p = spawnSync('/usr/bin/time', ['-v', process.execPath, 'bin/tumen.js', 'ingest', '--db', db, '--start', '2012-01-01', input], { encoding: 'utf8' });
  if (p.status !== 0) throw new Error(p.stderr);
  const wallText = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/.exec(p.stderr)![1].split(':').map(Number);
  const wall = wallText.reduce((a, b) => a * 60 + b, 0);
  const cpu = Number(/User time \(seconds\): (\S+)/.exec(p.stderr)![1]) + Number(/System time \(seconds\): (\S+)/.exec(p.stderr)![1]);
  const rssMb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(p.stderr)![1]) / 1024;
  const messages = Number(/lines, (\d+) messages/.exec(p.stderr)![1]);
  const st = /stored: (\d+) positions, (\d+) static/.exec(p.stderr)!;
  ingest.push({ wall, cpu, rssMb, messages, stored: Number(st[1]) + Number(st[2]) });
  const last = ingest[ingest.length - 1];
  console.log(`run ${r + 1}: ingest ${messages} msgs in ${wall.toFixed(1)} s wall (${(messages / wall / 1e3).toFixed(0)} k msg/s, ` +
    `${(lines / wall / 1e3).toFixed(0)} k lines/s), CPU ${cpu.toFixed(1)} s, peak RSS ${rssMb.toFixed(0)} MB, rows stored ${last.stored}; ` +
    `decode-only peer ${(m / ds / 1e3).toFixed(0)} k msg/s (${(decodeCpu[decodeCpu.length - 1] / 1e3).toFixed(0)} k msg per CPU-second)`);
}
const mw = median(ingest.map((x) => x.wall));
const msgs = ingest[0].messages;
console.log(`median: ingest ${(msgs / mw / 1e3).toFixed(0)} k msg/s wall, ${(lines / mw / 1e3).toFixed(0)} k lines/s, ` +
  `${(msgs / median(ingest.map((x) => x.cpu)) / 1e3).toFixed(0)} k msg per CPU-second, peak RSS ${median(ingest.map((x) => x.rssMb)).toFixed(0)} MB; ` +
  `decode-only ${(median(decode) / 1e3).toFixed(0)} k msg/s (${(median(decodeCpu) / 1e3).toFixed(0)} k msg per CPU-second); ` +
  `ingest/decode ratio ${((msgs / mw) / median(decode)).toFixed(2)} wall, ` +
  `${((msgs / median(ingest.map((x) => x.cpu))) / median(decodeCpu)).toFixed(2)} per CPU-second`);
console.log(`load average at the end: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
