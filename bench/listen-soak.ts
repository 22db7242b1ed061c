// Live-feed soak: `tumen ingest --listen` (a child process, as a user runs it) fed N reports/s of fresh
// type 1 position reports (1,000 ships moving, tag-block times = now: every report is a new row) over UDP
// (one datagram per sentence, as AIS-catcher sends) or TCP (the bench is the server the listener
// connects to), for --seconds. Samples the listener's RSS every 5 s; at the end stops it (SIGINT) and
// reads the store: sent vs received vs committed, rows stored, kernel drops, loss.
//   npx tsx bench/listen-soak.ts --protocol udp|tcp --rate 20000 --seconds 60
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { createServer, type Socket } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arg } from './args.js';
import { encodePositionA, tagBlock, toSentences } from '../src/ais/encode.js';
import { withStore } from '../src/store/db.js';
import { listFeeds } from '../src/store/feeds.js';

const protocol = arg('protocol', 'udp');
const rate = Number(arg('rate', '20000'));
const seconds = Number(arg('seconds', '60'));
const SHIPS = 1000;
const TICK_MS = 10;
const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tumen-soak-'));
const db = join(dir, 'soak.duckdb');

let seq = 0;
/** The next report: ship k of 1,000 moving north-east off Denmark, timed now. */
function report(nowMs: number): string {
  const k = seq++ % SHIPS;
  const step = Math.floor(seq / SHIPS);
  const f = encodePositionA({
    type: 1, mmsi: 219000000 + k, status: 0, speed: 12, lon: 10 + k * 0.003 + step * 1e-4, lat: 55 + step * 1e-4,
    course: 45, heading: 45, second: Math.floor(nowMs / 1000) % 60,
  });
  return `${tagBlock(`soak${k % 8}`, Math.floor(nowMs / 1000))}${toSentences(f.payload, f.fillBits, 'A', 0)[0]}\n`;
}

async function freePort(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
  const p = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return p;
}

/** User + system CPU seconds the process has used so far (/proc/PID/stat, clock ticks of 10 ms). */
function cpuSeconds(pid: number): number {
  const st = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function main(): Promise<void> {
  let tcpClient: Socket | null = null;
  let port: number;
  let server: ReturnType<typeof createServer> | null = null;
  if (protocol === 'tcp') {
    server = createServer((s) => { tcpClient = s; });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  } else {
    port = await freePort();
  }
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/ingest/run-cli.ts'), 'ingest', '--listen', `${protocol}://127.0.0.1:${port}`, '--db', db],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => { stderr += b.toString(); });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const ready = () => (protocol === 'tcp' ? tcpClient !== null : stderr.includes('listening on'));
  while (!ready()) await new Promise((r) => setTimeout(r, 50));

  const startCpuS = cpuSeconds(child.pid!);
  const tx = createSocket('udp4');
  let sent = 0;
  let backpressureWaits = 0;
  const t0 = Date.now();
  const samples: Array<{ s: number; rssMb: number }> = [];
  let nextSample = t0;
  while (Date.now() - t0 < seconds * 1000) {
    const now = Date.now();
    const due = Math.floor(((now - t0) / 1000) * rate);
    while (sent < due) {
      const line = report(now);
      if (protocol === 'tcp') {
        if (!(tcpClient as Socket | null)!.write(line)) {
          backpressureWaits++;
          await new Promise<void>((r) => (tcpClient as Socket | null)!.once('drain', () => r()));
        }
      } else {
        tx.send(line, port, '127.0.0.1');
      }
      sent++;
    }
    if (now >= nextSample) {
      samples.push({ s: Math.round((now - t0) / 1000), rssMb: Math.round(rssMb(child.pid!)) });
      nextSample += 5000;
    }
    await new Promise((r) => setTimeout(r, TICK_MS));
  }
  const elapsedS = (Date.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 1000)); // let the last datagrams arrive
  // The listener's CPU while it ran: what it needs per report, whatever share of the box it got.
  const listenerCpuS = cpuSeconds(child.pid!) - startCpuS;
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  (tcpClient as Socket | null)?.end();
  child.kill('SIGINT');
  await exited;
  tx.close();
  server?.close();
  const feed = await withStore(db, async (store) => (await listFeeds(store))[0]);
  const rss = samples.map((x) => x.rssMb);
  const firstHalf = rss.slice(1, Math.ceil(rss.length / 2));
  const secondHalf = rss.slice(Math.ceil(rss.length / 2));
  const mean = (a: number[]) => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : NaN);
  console.log(JSON.stringify({
    protocol, rate, seconds: Math.round(elapsedS), sent, sentPerS: Math.round(sent / elapsedS), backpressureWaits,
    received: feed.receivedLines, committed: feed.committedLines, stored: feed.stored, duplicates: feed.duplicates, rejected: feed.rejected,
    kernelDrops: feed.kernelDrops, lost: sent - feed.receivedLines, reconnects: feed.reconnects,
    listenerCpuS: Math.round(listenerCpuS * 10) / 10, receivedPerCpuS: Math.round(feed.receivedLines / listenerCpuS), loadAtEnd: load,
    rssMb: { max: Math.max(...rss), meanFirstHalf: Math.round(mean(firstHalf)), meanSecondHalf: Math.round(mean(secondHalf)) }, samples,
  }));
  rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
