// `tumen stats`: what the store holds (messages, positions, vessels, time span, sources, rejects, ingests).
import type { Command } from 'commander';
import { withDbOption } from '../options.js';
import { serverJson, withReadStore } from '../store-access.js';
import { storeStats, type StoreStats } from '../../store/store-stats.js';

function iso(ms: number | null): string {
  return ms === null ? '-' : new Date(ms).toISOString();
}

export function formatStats(s: StoreStats): string {
  const out: string[] = [
    `messages   ${s.messages}`,
    `positions  ${s.positions}`,
    `statics    ${s.staticReports} static/voyage reports, ${s.identityRuns} identity runs`,
    `vessels    ${s.vessels}`,
    `time span  ${iso(s.firstMs)} .. ${iso(s.lastMs)}`,
    `by source  ${Object.entries(s.bySource).map(([k, n]) => `${k} ${n}`).join(', ') || '-'}`,
    `duplicates ${s.duplicates}`,
    `rejects    ${Object.entries(s.rejects).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
    '',
    'ingest log:',
    '  id  status   format          lines   messages  positions  statics  dups  rejects  started               source',
  ];
  for (const e of s.ingests) {
    const rej = Object.values(e.rejects).reduce((a, b) => a + b, 0);
    out.push(`  ${String(e.id).padStart(2)}  ${e.status.padEnd(7)}  ${(e.format ?? '').padEnd(14)} ${String(e.lines).padStart(7)} ${String(e.messages).padStart(9)}  ${String(e.positions).padStart(9)} ${String(e.statics).padStart(8)} ${String(e.duplicates).padStart(5)} ${String(rej).padStart(8)}  ${iso(e.startedMs).slice(0, 19)}   ${e.source}${e.error ? `  (${e.error})` : ''}`);
  }
  if (s.feeds.length > 0) out.push('', ...formatFeeds(s.feeds));
  return out.join('\n');
}

/** Live feed sessions: what each received next to what it committed and stored, and what it lost. */
function formatFeeds(feeds: StoreStats['feeds']): string[] {
  const out = ['live feeds (lines received / committed; rows stored; kernel drops = UDP datagrams the socket buffer lost; uncommitted = received after the last commit of a killed session):',
    '  id  status    received  committed   stored   dups  rejected  kernel drops  reconnects  uncommitted  source'];
  for (const f of feeds) {
    out.push(`  ${String(f.id).padStart(2)}  ${f.status.padEnd(8)} ${String(f.receivedLines).padStart(9)} ${String(f.committedLines).padStart(10)} ${String(f.stored).padStart(8)} ${String(f.duplicates).padStart(6)} ${String(f.rejected).padStart(9)} ${(f.kernelDrops === null ? '-' : String(f.kernelDrops)).padStart(13)} ${String(f.reconnects).padStart(11)} ${String(f.uncommitted).padStart(12)}  ${f.source}`);
  }
  return out;
}

export function register(program: Command): void {
  withDbOption(
    program
      .command('stats')
      .description('summarise the store: messages, vessels, time span, rejects by reason, ingest log')
      .option('--json', 'print JSON'),
  ).action(async (o: { db: string; json?: boolean }) => {
    const s = await withReadStore(o.db, storeStats, (url) => serverJson<StoreStats>(`${url}/api/stats/store`));
    process.stdout.write(o.json ? `${JSON.stringify(s, null, 2)}\n` : `${formatStats(s)}\n`);
  });
}
