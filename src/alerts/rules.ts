// Watch rules from what a user typed (CLI flags or the API's JSON body): checked, with the ports named by
// id or name resolved, defaults filled in, and a content-derived id so adding the same rule twice is one rule.
import { PORTS_OF_INTEREST } from '../reference/ports-of-interest.js';
import { imoStatus, normaliseImo } from '../reference/imo.js';
import { fnv1a64Hex } from '../detectors/event-id.js';
import { WATCH_PARAMS } from './params.js';
import { RULE_KINDS, type RuleKind, type WatchRule } from './types.js';

/** A rule without its id and label: what the id is derived from. */
type RuleBody = { [K in RuleKind]: Omit<Extract<WatchRule, { kind: K }>, 'id' | 'label'> }[RuleKind];

/** A rule as typed: every field optional except the kind. */
export interface RuleInput {
  kind: string;
  label?: string | null;
  imo?: string | null;
  mmsi?: number | string | null;
  ports?: string[];
  withinKm?: number;
  afterH?: number;
  lists?: string[];
  quietH?: number;
  /** dark: alert on every silence, coverage holes too. */
  anySilence?: boolean;
}

/** A rule the user got wrong; the message says what to type instead. */
export class RuleError extends Error {}

const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** "KPNJN", "Rajin", "najin" → the port of interest; an unknown name is an error listing the known ones. */
export function resolvePort(name: string): string {
  const want = squash(name);
  const hit = PORTS_OF_INTEREST.find((p) => squash(p.id) === want)
    ?? PORTS_OF_INTEREST.find((p) => p.name.split(/[/(]/).some((part) => squash(part) === want))
    ?? PORTS_OF_INTEREST.find((p) => squash(p.name).startsWith(want) && want.length >= 4);
  if (!hit) {
    throw new RuleError(`unknown port of interest "${name}" (one of: ${PORTS_OF_INTEREST.map((p) => `${p.id} ${p.name}`).join(', ')})`);
  }
  return hit.id;
}

function positive(value: number | undefined, fallback: number, max: number, what: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0 || value > max) throw new RuleError(`${what} must be a number above 0 and at most ${max} (got ${value})`);
  return value;
}

function listNames(lists: string[] | undefined): string[] {
  const out = [...new Set((lists ?? []).map((l) => l.trim()).filter((l) => l !== ''))].sort();
  for (const l of out) if (!/^[\w.-]{1,64}$/.test(l)) throw new RuleError(`list name "${l}" is not a list name (letters, digits, dot, dash, underscore)`);
  return out;
}

function parseKind(kind: string): RuleKind {
  const k = (RULE_KINDS as readonly string[]).find((r) => r === kind || squash(r) === squash(kind))
    ?? ({ dark: 'dark_near_port', encounter: 'listed_encounter', active: 'listed_active' } as Record<string, RuleKind>)[kind];
  if (!k) throw new RuleError(`unknown rule kind "${kind}" (one of: dark, encounter, active — or ${RULE_KINDS.join(', ')})`);
  return k as RuleKind;
}

function watchedShip(input: RuleInput): { imo: string | null; mmsi: number | null } {
  const imoRaw = input.imo === undefined || input.imo === null || input.imo === '' ? null : String(input.imo);
  const mmsiRaw = input.mmsi === undefined || input.mmsi === null || input.mmsi === '' ? null : String(input.mmsi);
  if ((imoRaw === null) === (mmsiRaw === null)) throw new RuleError('a dark rule watches one ship: give its IMO (--imo 9074729) or, where it has none, its MMSI (--mmsi 273226420)');
  if (imoRaw !== null) {
    const status = imoStatus(imoRaw);
    if (status !== 'valid') throw new RuleError(`IMO "${imoRaw}" is ${status === 'malformed' ? 'not seven digits' : 'wrong: its check digit does not match'}`);
    return { imo: normaliseImo(imoRaw), mmsi: null };
  }
  if (!/^\d{1,9}$/.test(mmsiRaw!) || Number(mmsiRaw) === 0) throw new RuleError(`MMSI "${mmsiRaw}" is not 1–9 digits`);
  return { imo: null, mmsi: Number(mmsiRaw) };
}

/** The rule `input` describes, checked; throws RuleError naming what is wrong. */
export function makeRule(input: RuleInput): WatchRule {
  const kind = parseKind(input.kind);
  const label = input.label?.trim() ? input.label.trim().slice(0, 200) : null;
  const only = (allowed: Array<keyof RuleInput>): void => {
    const extra = (['imo', 'mmsi', 'ports', 'withinKm', 'afterH', 'lists', 'quietH', 'anySilence'] as const)
      .filter((k) => !allowed.includes(k) && input[k] !== undefined && input[k] !== null && input[k] !== false);
    if (extra.length) throw new RuleError(`a ${kind} rule takes no ${extra.join(', ')}`);
  };
  let body: RuleBody;
  if (kind === 'dark_near_port') {
    only(['imo', 'mmsi', 'ports', 'withinKm', 'afterH', 'anySilence']);
    body = {
      kind, ...watchedShip(input),
      ports: [...new Set((input.ports ?? []).map(resolvePort))].sort(),
      withinKm: positive(input.withinKm, WATCH_PARAMS.withinKm, WATCH_PARAMS.maxWithinKm, 'within-km'),
      afterH: positive(input.afterH, WATCH_PARAMS.darkAfterH, WATCH_PARAMS.maxAfterH, 'after-h'),
      // Only when set: rules made before the option keep their ids.
      ...(input.anySilence === true ? { anySilence: true as const } : {}),
    };
  } else if (kind === 'listed_encounter') {
    only(['lists']);
    body = { kind, lists: listNames(input.lists) };
  } else {
    only(['lists', 'quietH']);
    body = { kind, lists: listNames(input.lists), quietH: positive(input.quietH, WATCH_PARAMS.activeQuietH, WATCH_PARAMS.maxAfterH, 'quiet-h') };
  }
  return { id: `w${fnv1a64Hex(JSON.stringify(body)).slice(0, 8)}`, label, ...body } as WatchRule;
}

/** One line saying what the rule watches ("IMO 9074729 dark ≥ 6 h within 50 km of KPNJN, RUVYP"). */
export function describeRule(rule: WatchRule): string {
  switch (rule.kind) {
    case 'dark_near_port': {
      const ship = rule.imo ? `IMO ${rule.imo}` : `MMSI ${rule.mmsi}`;
      const ports = rule.ports.length ? rule.ports.join(', ') : 'any port of interest';
      return `${ship} silent ≥ ${rule.afterH} h within ${rule.withinKm} km of ${ports}${rule.anySilence ? ', any silence (coverage holes too)' : ''}`;
    }
    case 'listed_encounter':
      return `encounter involving a ship on ${rule.lists.length ? rule.lists.join(', ') : 'any loaded list'}`;
    case 'listed_active':
      return `ship on ${rule.lists.length ? rule.lists.join(', ') : 'any loaded list'} transmitting after ≥ ${rule.quietH} h silent (or first seen)`;
  }
}
