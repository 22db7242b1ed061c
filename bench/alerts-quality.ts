// Alert precision and recall against the simulator's truth. Every IMO of the world is watched by a dark rule
// (all ports of interest, the default radius and silence) and listed for one `encounter` rule; the evaluator
// rides the detection replay as in `tumen detect`. Truth:
//  - dark: an alert is right when the truth has a gap of that ship starting within ±1 h of the alert's time
//    (its last position); "intentional" counts only gaps the world made on purpose (switched off), "any"
//    also silences from reception. Recall: intentional truth gaps of IMO ships, at least afterH long, whose
//    last position lies within the radius of a port of interest — how many raised an alert.
//  - encounter: an alert is right when a truth encounter of the same pair starts within ±2 h.
// `listed_active` is not measured (the truth has no "listed ship active" notion beyond gaps).
// Dark rules alert only on silences the gap detector's reception evidence calls intentional; `--any-silence`
// measures rules that alert on every silence (the behaviour before that judge).
//   npx tsx bench/alerts-quality.ts [--seeds 2,3] [--vessels 200] [--days 5] [--world classic|unseen] [--any-silence]
import { arg } from './args.js';
import { simulate } from '../src/sim/world.js';
import { CLASSIC_WORLD, UNSEEN_WORLD } from '../src/sim/variation.js';
import { decodeLines } from './detect-decode.js';
import { memoryInput, runPipeline } from '../src/detectors/pipeline.js';
import { AlertEvaluator, type ListingIndex } from '../src/alerts/evaluator.js';
import { makeRule } from '../src/alerts/rules.js';
import { WATCH_PARAMS } from '../src/alerts/params.js';
import { isImoPresent, isValidImo } from '../src/reference/imo.js';
import { PORTS_OF_INTEREST } from '../src/reference/ports-of-interest.js';
import { distanceM } from '../src/geo/sphere.js';
import type { Listing } from '../src/alerts/types.js';

const seeds = arg('seeds', '2,3').split(',').map(Number);
const vessels = Number(arg('vessels', '200')), days = Number(arg('days', '5'));
const worldName = arg('world', 'classic');
if (worldName !== 'classic' && worldName !== 'unseen') throw new Error('--world takes classic or unseen');
const variation = worldName === 'unseen' ? UNSEEN_WORLD : CLASSIC_WORLD;
const HOUR = 3_600_000;
const anySilence = process.argv.includes('--any-silence');

for (const seed of seeds) {
  const world = simulate({ seed, vessels, days, variation });
  const { positions, statics } = decodeLines(world.lines);
  const truth = world.truth().events;
  const imoOf = new Map<number, string>();
  for (const s of statics) if (isImoPresent(s.imo) && isValidImo(s.imo)) imoOf.set(s.mmsi, String(s.imo).padStart(7, '0'));
  const imos = [...new Set(imoOf.values())];
  const rules = [...imos.map((imo) => makeRule({ kind: 'dark', imo, anySilence })), makeRule({ kind: 'encounter' })];
  const listings: ListingIndex = new Map(imos.map((imo): [string, Listing[]] => [`imo:${imo}`, [{ list: 'bench', version: null, name: imo, key: imo, matched_on: 'imo', value: imo }]]));
  const ev = new AlertEvaluator(rules, listings);
  const { events } = await runPipeline(memoryInput(positions, statics), { observer: ev });
  for (const e of events) ev.pushEvent(e);
  const alerts = ev.take();

  const gaps = truth.filter((e) => e.type === 'gap');
  const intentional = (g: (typeof gaps)[number]): boolean => (g as { intentional?: boolean }).intentional === true;
  const dark = alerts.filter((a) => a.kind === 'dark_near_port');
  const near = (a: { mmsi: number; time: string }, g: (typeof gaps)[number]): boolean => g.mmsi === a.mmsi && Math.abs(Date.parse(g.start) - Date.parse(a.time)) <= HOUR;
  const rightAny = dark.filter((a) => gaps.some((g) => near(a, g)));
  const rightIntentional = dark.filter((a) => gaps.some((g) => intentional(g) && near(a, g)));
  const nearPort = (lat: number, lon: number): boolean => PORTS_OF_INTEREST.some((p) => distanceM(lat, lon, p.lat, p.lon) <= WATCH_PARAMS.withinKm * 1000);
  const wanted = gaps.filter((g) => intentional(g) && imoOf.has(g.mmsi) && nearPort(g.lat, g.lon)
    && (Date.parse(g.end ?? g.start) - Date.parse(g.start)) >= WATCH_PARAMS.darkAfterH * HOUR);
  const found = wanted.filter((g) => dark.some((a) => near(a, g)));
  const wrong = dark.filter((a) => !gaps.some((g) => near(a, g)));

  const enc = alerts.filter((a) => a.kind === 'listed_encounter');
  const truthEnc = truth.filter((e) => e.type === 'encounter');
  const pair = (a: number, b: number | undefined): string => [a, b ?? 0].sort((x, y) => x - y).join('-');
  const encMatch = (a: { mmsi: number; other_mmsi?: number; time: string }, t: (typeof truthEnc)[number]): boolean =>
    pair(a.mmsi, a.other_mmsi) === pair(t.mmsi, t.other_mmsi) && Math.abs(Date.parse(t.start) - Date.parse(a.time)) <= 2 * HOUR;
  const encRight = enc.filter((a) => truthEnc.some((t) => encMatch(a, t)));
  const encWanted = truthEnc.filter((t) => imoOf.has(t.mmsi) || (t.other_mmsi !== undefined && imoOf.has(t.other_mmsi)));
  const encFound = encWanted.filter((t) => enc.some((a) => encMatch(a, t)));

  const ratio = (a: number, b: number): string => (b ? `${(a / b).toFixed(3)} (${a}/${b})` : 'n/a (0)');
  console.log(`${worldName} seed ${seed}: ${vessels} vessels × ${days} d, ${positions.length} positions, ${imos.length} IMOs watched; ${alerts.length} alerts`);
  console.log(`  dark_near_port: ${dark.length} alerts; precision vs intentional gaps ${ratio(rightIntentional.length, dark.length)}, vs any truth silence ${ratio(rightAny.length, dark.length)}; recall of intentional dark ≥ ${WATCH_PARAMS.darkAfterH} h within ${WATCH_PARAMS.withinKm} km of a port of interest ${ratio(found.length, wanted.length)}`);
  console.log(`    withheld (reception did not show the silence intentional): ${ev.withheld.not_shown_intentional} after ${WATCH_PARAMS.darkConfirmMaxH} h more, ${ev.withheld.back_before_shown} heard again first`);
  for (const a of wrong.slice(0, 5)) console.log(`    no truth gap: ${a.mmsi} ${a.time} ${a.port?.id ?? ''} ${a.port?.distance_km ?? ''} km silent ${String(a.evidence.silent_h_at_alert)} h`);
  for (const g of wanted.filter((x) => !found.includes(x)).slice(0, 5)) console.log(`    missed: ${g.mmsi} ${g.start} → ${g.end} at ${g.lat.toFixed(3)},${g.lon.toFixed(3)}`);
  console.log(`  listed_encounter: ${enc.length} alerts; precision ${ratio(encRight.length, enc.length)}; recall ${ratio(encFound.length, encWanted.length)}`);
}
