// `tumen detect`: runs segmentation and every detector over the store and stores the events idempotently
// (the events of the types run are replaced; ids are content-derived, so a re-run gives the same rows).
// `--param TYPE.NAME=VALUE` overrides a detector parameter for this run (src/detectors/registry.ts).
import type { Command } from 'commander';
import { parseEventTypes, withDbOption } from '../options.js';
import { withStore } from '../../store/db.js';
import { ensurePositionsSchema } from '../../store/positions.js';
import { storeInput } from '../../store/pipeline-source.js';
import { replaceEvents } from '../../store/events-write.js';
import { runPipeline, type PipelineStats } from '../../detectors/pipeline.js';
import { detectLake } from './detect-lake.js';
import { buildAnchorages, storedStops } from '../../store/anchorages.js';
import { portAreasFrom, type StopScan } from '../../anchorages/collect.js';
import { runPipelineThreaded } from '../../parallel/detect-threads.js';
import { DETECTOR_TYPES, parseParamOverrides, type ParamOverrides } from '../../detectors/registry.js';
import { EVENT_TYPE_INFO, type EventType } from '../../events/types.js';
import { imageryEvents } from '../../store/imagery-fuse.js';
import { recordDetectRun } from '../../store/detect-runs.js';
import { finishReplay, loadWatch, watchWarnings } from '../../server/alert-watch.js';

/** DuckDB's buffer pool for the replay: unset, it keeps the blocks the time-sliced read went through, up to
 *  80 % of RAM (peak RSS 1.29 GB on a 10.9 M-position store; 0.91 GB with this limit, same CPU and events —
 *  bench/RESULTS.md). A statement that needs more spills to disk. */
const DETECT_MEMORY_LIMIT = '300MB';

/** The runner's types plus those made from imported imagery (dark_detection). */
const ALL_TYPES: readonly EventType[] = EVENT_TYPE_INFO.map((t) => t.type);

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function register(program: Command): void {
  withDbOption(
    program
      .command('detect')
      .description('run the event detectors over the store and store the events (idempotent)')
      .option('--type <types>', `comma-separated event types to run (default all: ${ALL_TYPES.join(', ')})`)
      .option('--param <type.name=value>', 'override a detector parameter for this run, e.g. gap.minGapH=8 (repeatable; docs/events.md lists them)', collect, [])
      .option('--lake <dir>', 'detect over a lake (tumen export --format parquet --partition-by day) instead of the store\'s positions; events go to --db')
      .option('--nats <url>', 'with --lake: split the lake over a cluster\'s workers, day × work unit (docs/cluster.md)')
      .option('--threads <n>', 'detection threads (default 1; N splits the vessels over N threads, each building the whole reception index: more CPU in all, sooner done only with cores to spare; with watch rules, always 1)', '1'),
  ).action(async (opts: { db: string; type?: string; param: string[]; lake?: string; nats?: string; threads: string }) => {
    let types: EventType[];
    let params: ParamOverrides;
    let threads: number;
    try {
      types = opts.type ? parseEventTypes(opts.type, ALL_TYPES) : [...ALL_TYPES];
      params = parseParamOverrides(opts.param);
      threads = Number(opts.threads);
      if (!Number.isInteger(threads) || threads < 1 || threads > 16) throw new Error(`--threads ${opts.threads}: expected a whole number from 1 to 16`);
    } catch (err) {
      process.stderr.write(`tumen detect: ${(err as Error).message}\n`);
      process.exitCode = 2;
      return;
    }
    if (opts.nats !== undefined && opts.lake === undefined) {
      process.stderr.write('tumen detect: --nats needs --lake DIR (a cluster detects live reports as they arrive; history goes through a lake)\n');
      process.exitCode = 2;
      return;
    }
    if (opts.lake !== undefined) {
      const runnerTypes = types.filter((t) => DETECTOR_TYPES.includes(t));
      const { result, inserted, deleted } = await detectLake({ db: opts.db, lake: opts.lake, nats: opts.nats, types: runnerTypes, allTypes: opts.type === undefined, params, paramSpecs: opts.param });
      printSummary(result.stats, inserted, deleted, opts.param);
      return;
    }
    await withStore(opts.db, async (store) => {
      await ensurePositionsSchema(store);
      // Ports as learned from the store (the areas of its stops): brought up to date with what arrived since the last build.
      const built = await buildAnchorages(store);
      const stops: StopScan = { ...(await storedStops(store)), positions: 0 };
      process.stderr.write(`anchorages: ${built.learned.anchorages.length} learned from ${built.stopsTotal} stops (${built.stopsAdded} new)\n`);
      const runnerTypes = types.filter((t) => DETECTOR_TYPES.includes(t));
      // Watch rules (`tumen watch add`) see the same replay as the detectors.
      const watch = await loadWatch(store, false);
      // Threads when asked for and no watch rule listens to the replay (the rules' silence judge reads the
      // runner's reception index, which lives in a thread there): same events either way (test/contract).
      // Not the default: on the 10.9 M-position store two threads peaked at 1.45 GB RSS against 0.78-1.15 GB for one (bench/RESULTS.md, fifth pass).
      const { events, stats } = threads > 1 && !watch
        ? await runPipelineThreaded(storeInput(store), { threads, types: new Set(runnerTypes), params, ports: stops })
        : await runPipeline(storeInput(store), { types: new Set(runnerTypes), params, ports: portAreasFrom(stops).areas, observer: watch?.evaluator });
      let { deleted, inserted } = await replaceEvents(store, events, runnerTypes);
      // Imagery as evidence: dark detections become events; dark port calls and spoofing events get sightings.
      const img = await imageryEvents(store, events);
      if (img) {
        const kinds = types.filter((t): t is 'dark_detection' | 'dark_port_call' | 'spoofing' => t === 'dark_detection' || t === 'dark_port_call' || t === 'spoofing');
        const refreshed = img.updated.filter((e) => (kinds as string[]).includes(e.type));
        const fresh = kinds.includes('dark_detection') ? img.darkDetections : [];
        const seenCalls = kinds.includes('dark_port_call') ? img.seenCalls : [];
        const r = await replaceEvents(store, [...fresh, ...seenCalls, ...refreshed], kinds);
        // The run's own dark port calls and spoofing events were replaced by their refreshed copies.
        deleted += r.deleted - refreshed.length;
        inserted += fresh.length + seenCalls.length;
        if (kinds.includes('dark_detection')) stats.eventsByType.dark_detection = fresh.length;
        if (seenCalls.length) stats.eventsByType.dark_port_call = (stats.eventsByType.dark_port_call ?? 0) + seenCalls.length;
        const named = refreshed.filter((e) => (e.evidence as { port_by?: string }).port_by === 'imagery').length;
        process.stderr.write(`imagery: ${img.scenes} scenes fused; ${img.darkDetections.length} dark detections with an identity; ${named} dark port calls named by imagery, ${seenCalls.length} seen by it in gaps not called intentional\n`);
      } else if (types.includes('dark_detection')) {
        process.stderr.write('imagery: no scenes in the store (tumen imagery import), so no dark_detection events\n');
      }
      // What made these events: a report names the overrides and the command that finds them again.
      await recordDetectRun(store, { command: 'tumen detect', types, params: opts.param, atMs: Date.now() });
      printSummary(stats, inserted, deleted, opts.param);
      if (watch) {
        for (const w of watchWarnings(watch)) process.stderr.write(`watch: ${w}\n`);
        const { raised, fresh, deliveries } = await finishReplay(store, watch, events, Date.now());
        process.stdout.write(`alerts: ${fresh.length} new, ${raised - fresh.length} already stored, from ${watch.rules.size} watch rules (tumen watch alerts)\n`);
        const w = watch.evaluator.withheld;
        const waiting = watch.evaluator.unconfirmedDark();
        if (w.not_shown_intentional + w.back_before_shown + waiting > 0) {
          process.stdout.write(`  dark-near-port silences not alerted (the reception did not show them intentional): ${w.not_shown_intentional} never, ${w.back_before_shown} heard again first, ${waiting} unconfirmed when the data end; \`tumen watch add dark --any-silence\` alerts on every silence\n`);
        }
        for (const a of fresh.slice(0, 20)) process.stdout.write(`  ${a.kind}  ${a.text}\n`);
        if (fresh.length > 20) process.stdout.write(`  … ${fresh.length - 20} more\n`);
        const d = await deliveries;
        if (d.delivered + d.failed > 0) process.stdout.write(`webhooks: ${d.delivered} delivered, ${d.failed} failed (tumen watch log)\n`);
      }
    }, { memoryLimit: DETECT_MEMORY_LIMIT });
  });
}

function printSummary(stats: PipelineStats, inserted: number, deleted: number, param: readonly string[]): void {
  const byType = Object.entries(stats.eventsByType).map(([t, n]) => `${t} ${n}`).join(', ') || 'none';
  const overrides = param.length ? ` with ${param.join(' ')}` : '';
  process.stdout.write(
    `detected ${inserted} events (${byType}) from ${stats.positions} positions of ${stats.vessels} vessels` +
      ` (${stats.segments} segments, ${stats.outliers} outlier positions)${overrides}; replaced ${deleted} stored events\n`,
  );
  const dropped = droppedSummary(stats.dropped);
  if (dropped) process.stdout.write(`not reported: ${dropped}\n`);
}

const DROP_REASONS: Readonly<Record<string, string>> = {
  store_silent: 'the store heard nobody for enough of the silence (a hole between files or a feed down)',
  both_fishing: 'both vessels declare AIS ship type 30: pair trawlers, not a transfer',
};

/** `gap 12 (store_silent: …)`: candidate events the rules did not report, with why. */
export function droppedSummary(dropped: Readonly<Record<string, Readonly<Record<string, number>>>>): string {
  return Object.entries(dropped)
    .flatMap(([type, byReason]) => Object.entries(byReason).filter(([, n]) => n > 0).map(([reason, n]) => `${type} ${n} (${reason}: ${DROP_REASONS[reason] ?? reason})`))
    .join('; ');
}
