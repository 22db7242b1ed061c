// `tumen simulate --out DIR`: write a deterministic AIS world (ais.nmea) and its truth (truth/*.jsonl,
// world.json). The world itself is built by the pure core in src/sim; this file only writes it.
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_SIM_OPTIONS, simulate, SIM_PORTS, type SimOptions, type SimResult } from '../../sim/index.js';
import {
  GLITCH, HARBOUR, MOTION, RECEIVER_CHANGES, RECEIVERS_RANDOM, RECEIVERS_SPARSE, RECEPTION, REPORTING, SATELLITE_THIN, SATURATION, SCRIPTS, STAYS, TRUTH, VARIED,
} from '../../sim/params.js';
import { VARIATION_VALUES, WORLD_PRESETS, variationLabel, type WorldVariation } from '../../sim/variation.js';
import type { TumenEvent } from '../../events/schema.js';
import { simulateImagery } from '../../sim/imagery.js';
import { fuelTruth } from '../../sim/fuel.js';
import { detectionsCsv, scenesJsonl } from '../../io/imagery-write.js';

export interface WrittenWorld {
  dir: string;
  result: SimResult;
  events: TumenEvent[];
  nmeaPath: string;
}

/** Writes `ais.nmea` as a stream (constant memory), then the truth files and world.json. */
export async function writeWorld(dir: string, options: Partial<SimOptions>): Promise<WrittenWorld> {
  mkdirSync(join(dir, 'truth'), { recursive: true });
  const result = simulate(options);
  const nmeaPath = join(dir, 'ais.nmea');
  const out = createWriteStream(nmeaPath, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  let chunk: string[] = [];
  for (const line of result.lines) {
    chunk.push(line);
    if (chunk.length >= 4096) {
      const ok = out.write(chunk.join('\n') + '\n');
      chunk = [];
      if (!ok) await Promise.race([new Promise<void>((r) => out.once('drain', () => r())), failed]);
    }
  }
  if (chunk.length) out.write(chunk.join('\n') + '\n');
  await Promise.race([new Promise<void>((r) => out.end(() => r())), failed]);

  const { events, glitches } = result.truth();
  const jsonl = (xs: readonly unknown[]) => xs.map((x) => JSON.stringify(x)).join('\n') + (xs.length ? '\n' : '');
  writeFileSync(join(dir, 'truth', 'events.jsonl'), jsonl(events));
  writeFileSync(join(dir, 'truth', 'glitches.jsonl'), jsonl(glitches));
  writeFileSync(join(dir, 'truth', 'vessels.jsonl'), jsonl(result.vessels.map((v) => {
    const id = v.identities[0]!;
    return {
      mmsi: id.mmsi, imo: id.imo || null, name: id.shipname, callsign: id.callsign, flag: id.flag, role: v.role,
      class: v.cls, transmits: v.transmits, shiptype: v.shiptype,
      ...(v.identities.length > 1 ? { identities: v.identities.map((x) => ({ ...x, fromMs: undefined, from: Number.isFinite(x.fromMs) ? new Date(x.fromMs).toISOString().replace('.000Z', 'Z') : null })) } : {}),
      script: v.script,
    };
  })));
  const byType: Record<string, number> = {};
  for (const e of events) byType[e.type] = (byType[e.type] ?? 0) + 1;
  const world = {
    generator: 'tumen simulate',
    seed: result.options.seed, vessels: result.options.vessels, days: result.options.days,
    variation: { ...result.options.variation, label: variationLabel(result.options.variation) },
    start: new Date(result.startMs).toISOString(), end: new Date(result.endMs).toISOString(),
    counts: { ...result.counts, truth_events: byType, glitches_emitted: glitches.length, vessels_by_role: countRoles(result) },
    parameters: { REPORTING, RECEPTION, MOTION, STAYS, GLITCH, TRUTH, SCRIPTS, SATELLITE_THIN, SATURATION, RECEIVERS_RANDOM, RECEIVERS_SPARSE, RECEIVER_CHANGES, HARBOUR, VARIED },
    ports: SIM_PORTS.map((p) => {
      const l = result.portLayouts?.find((x) => x.port.id === p.id);
      return {
        id: p.id, name: p.name, country: p.country, lat: p.lat, lon: p.lon,
        ...(l ? { quays: l.quays.map((q) => q.at), anchorage: l.anchorage.at } : { berth: p.berth }),
      };
    }),
    stations: result.stations.map((s) => ({
      ...s, outages: s.outages?.map(([a, b]) => [new Date(a).toISOString(), new Date(b).toISOString()]),
    })),
    satellite_passes: result.satPasses.length,
  };
  writeFileSync(join(dir, 'world.json'), JSON.stringify(world, null, 2) + '\n');
  // Satellite imagery of the same world (see src/sim/imagery.ts): what `tumen imagery import` reads.
  const img = simulateImagery(result.vessels, result.startMs, result.endMs, result.options.seed);
  writeFileSync(join(dir, 'scenes.jsonl'), scenesJsonl(img));
  writeFileSync(join(dir, 'detections.csv'), detectionsCsv(img));
  writeFileSync(join(dir, 'truth', 'imagery.jsonl'), jsonl(img.truth));
  writeFileSync(join(dir, 'truth', 'fuel.jsonl'), jsonl(fuelTruth(result.vessels, events, result.options.seed)));
  return { dir, result, events, nmeaPath };
}

function countRoles(r: SimResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of r.vessels) out[v.role] = (out[v.role] ?? 0) + 1;
  return out;
}

function positiveNumber(name: string, s: string, integer: boolean): number {
  const n = Number(s);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new Error(`--${name} must be a positive ${integer ? 'integer' : 'number'}, got "${s}"`);
  return n;
}

interface VariationFlags { world?: string; berths?: string; moorings?: string; receivers?: string; receiverChanges?: string; satellite?: string; saturation?: string; evaders?: string }

function oneOf<T extends string | boolean>(name: string, s: string, values: readonly T[]): T {
  const v = (name === 'saturation' || name === 'receiver-changes' ? (s === 'on' ? true : s === 'off' ? false : s) : s) as T;
  if (!values.includes(v)) throw new Error(`--${name} must be one of ${values.map((x) => (typeof x === 'boolean' ? (x ? 'on' : 'off') : x)).join(', ')}, got "${s}"`);
  return v;
}

/** `--world classic|unseen` picks a preset; each axis flag overrides it. */
export function parseVariation(o: VariationFlags): WorldVariation {
  const preset = o.world ?? 'classic';
  if (!(preset in WORLD_PRESETS)) throw new Error(`--world must be one of ${Object.keys(WORLD_PRESETS).join(', ')}, got "${preset}"`);
  const v: WorldVariation = { ...WORLD_PRESETS[preset as keyof typeof WORLD_PRESETS] };
  if (o.berths !== undefined) v.berths = oneOf('berths', o.berths, VARIATION_VALUES.berths);
  if (o.moorings !== undefined) v.moorings = oneOf('moorings', o.moorings, VARIATION_VALUES.moorings);
  if (o.receivers !== undefined) v.receivers = oneOf('receivers', o.receivers, VARIATION_VALUES.receivers);
  if (o.receiverChanges !== undefined) v.receiverChanges = oneOf('receiver-changes', o.receiverChanges, VARIATION_VALUES.receiverChanges);
  if (o.satellite !== undefined) v.satellite = oneOf('satellite', o.satellite, VARIATION_VALUES.satellite);
  if (o.saturation !== undefined) v.saturation = oneOf('saturation', o.saturation, VARIATION_VALUES.saturation);
  if (o.evaders !== undefined) v.evaders = oneOf('evaders', o.evaders, VARIATION_VALUES.evaders);
  return v;
}

export function parseSimOptions(o: { vessels?: string; days?: string; seed?: string; start?: string } & VariationFlags): SimOptions {
  const seed = Number(o.seed ?? DEFAULT_SIM_OPTIONS.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, got "${o.seed}"`);
  const start = o.start ?? DEFAULT_SIM_OPTIONS.start;
  if (!Number.isFinite(Date.parse(start))) throw new Error(`--start must be an ISO-8601 time, got "${start}"`);
  return {
    seed, start,
    vessels: o.vessels === undefined ? DEFAULT_SIM_OPTIONS.vessels : positiveNumber('vessels', o.vessels, true),
    days: o.days === undefined ? DEFAULT_SIM_OPTIONS.days : positiveNumber('days', o.days, false),
    variation: parseVariation(o),
  };
}

export function register(program: Command): void {
  program
    .command('simulate')
    .description('generate a deterministic AIS world (NMEA with tag blocks) with ground truth')
    .requiredOption('--out <dir>', 'output directory (ais.nmea, truth/, world.json)')
    .option('--vessels <n>', 'number of ships', String(DEFAULT_SIM_OPTIONS.vessels))
    .option('--days <d>', 'length of the world in days', String(DEFAULT_SIM_OPTIONS.days))
    .option('--seed <s>', 'random seed (same seed, same bytes)', String(DEFAULT_SIM_OPTIONS.seed))
    .option('--start <iso>', 'start time, ISO-8601 UTC', DEFAULT_SIM_OPTIONS.start)
    .option('--world <preset>', 'variation preset: classic (what the detectors were tuned on) or unseen (every axis below changed)', 'classic')
    .option('--berths <point|spread>', 'point: one berth near the gazetteer point; spread: quays across the port (up to 8 km) and an outer anchorage')
    .option('--moorings <slots|shared>', 'slots: ships at one berth lie at distinct slots along the quay and off it; shared: all on the berth point')
    .option('--receivers <fixed|random|sparse>', 'fixed: the documented stations; random: a layout drawn per seed, with outages; sparse: drawn from fewer sites, shorter ranges, more outages')
    .option('--receiver-changes <on|off>', 'on: the receiver layout changes over time (stations down for days, commissioned or retired part-way)')
    .option('--satellite <normal|thin|none>', 'satellite passes every ~90 min, every ~6 h with fewer reports, or none')
    .option('--saturation <on|off>', 'satellite reception falls as a 1° cell fills with ships')
    .option('--evaders <classic|varied>', 'varied: near-shore/far-out switch-offs, stationary spoofers, short identity gaps, fishing at 1–2 kn')
    .action(async (o: { out: string; vessels?: string; days?: string; seed?: string; start?: string } & VariationFlags) => {
      const opts = parseSimOptions(o);
      const w = await writeWorld(o.out, opts);
      const c = w.result.counts;
      const byType: Record<string, number> = {};
      for (const e of w.events) byType[e.type] = (byType[e.type] ?? 0) + 1;
      process.stdout.write(
        `world: ${variationLabel(w.result.options.variation)}, ${w.result.stations.length} receivers, ${w.result.satPasses.length} satellite passes\n` +
        `wrote ${w.nmeaPath}: ${c.lines} lines, ${c.emittedPositions} positions heard from ${w.result.vessels.length} ships ` +
        `(${c.duplicateReports} reports heard twice or more, ${c.satelliteLines} satellite lines delivered late, ${c.corruptLines} corrupt lines)\n` +
        `truth: ${w.events.length} events ${JSON.stringify(byType)}, ${c.glitches} glitches\n`,
      );
    });
}
