// A synthetic OpenSanctions-style FollowTheMoney file at the scale of the real consolidated data (over a
// million entities), for screening benchmarks and tests. Nothing is downloaded: names are built from
// syllables, so no generated ship, company or person is real, and none shares a word with the OFAC/UN
// fixtures or the screening corpus (bench/screen-corpus.ts) except the generic ship-name words, which
// large registries are full of. Seeded: the same arguments give the same file.
//
// Shape (per 1,000,000 entities by default): 6 % Vessel (IMO with valid check digits, MMSI, call sign,
// previous names, owner/operator references), 30 % Company (legal forms in English and, for some LLCs,
// the Russian OOO first; 15 % with an alias, 5 % with a previous name), 45 % Person (10 % with an alias), 10 % Ownership, 6 %
// Directorship, 2 % UnknownLink, the rest Sanction. About 4 % of companies, 1 % of persons and 5 % of
// vessels carry the `sanction` topic; ownership and directorship chains link some unlisted ships to
// listed parties.
//
// Run: npx tsx bench/ftm-generate.ts OUT.jsonl [entities] [seed]
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { mulberry32 } from '../src/sim/prng.js';
import { GENERIC_NAME_WORDS } from '../src/screening/generic-words.js';

export interface FtmEntity {
  id: string;
  schema: string;
  /** FtM values, `topics` among them (`sanction` marks a listed entity, as in OpenSanctions' exports). */
  properties: Record<string, string[]>;
  datasets: string[];
  last_change: string;
}

const ONSETS = ['B', 'D', 'F', 'G', 'K', 'L', 'M', 'N', 'P', 'R', 'S', 'T', 'V', 'Z', 'BR', 'DR', 'GR', 'KR', 'PR', 'TR', 'ST', 'SL', 'BL', 'KL', 'PL', 'ZH', 'SH', 'CH', 'TH', 'Q'];
const VOWELS = ['A', 'E', 'I', 'O', 'U', 'AE', 'IA', 'OU', 'EI', 'Y'];
const CODAS = ['', '', '', 'N', 'R', 'L', 'S', 'X', 'NT', 'RN', 'LD', 'K', 'M', 'ND'];
const COMPANY_SUFFIXES = ['SHIPPING CO LTD', 'MARITIME LTD', 'NAVIGATION INC', 'SHIP MANAGEMENT LLC', 'TRADING CO', 'TANKERS SA', 'LINES CORP', 'OCEAN TRANSPORT LTD'];
const FLAGS = ['PA', 'LR', 'MH', 'HK', 'SG', 'MT', 'BS', 'KM', 'TG', 'SL', 'CM', 'MN', 'RU', 'KP', 'IR', 'CN', 'VN', 'GR', 'CY', 'PW'];
const VESSEL_TYPES = ['Oil Tanker', 'Bulk Carrier', 'General Cargo', 'Container Ship', 'Chemical Tanker', 'LPG Tanker', 'Fishing Vessel', 'Ro-Ro Cargo'];
const GENERIC = [...GENERIC_NAME_WORDS].filter((w) => w.length >= 3);

function imoWithCheck(six: number): string {
  const d = String(six).padStart(6, '0');
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(d[i]) * (7 - i);
  return d + String(sum % 10);
}

/**
 * Yields the entities one at a time (a million of them do not need to sit in memory). `avoidWords`:
 * words that must not appear in generated names (the vocabulary of the fixtures and the corpus);
 * `avoidImos`: IMOs already listed elsewhere.
 */
export function* generateFtm(total: number, seed: number, avoidWords: ReadonlySet<string> = new Set(), avoidImos: ReadonlySet<string> = new Set()): Generator<FtmEntity> {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  // Party aliases and legal-form spellings draw from a stream of their own, so adding them left every
  // other generated value (ships, names, links) as it was.
  const r2 = mulberry32(seed ^ 0x5eed);
  const word = (): string => {
    for (;;) {
      const syllables = 2 + Math.floor(r() * 2);
      let w = '';
      for (let i = 0; i < syllables; i++) w += pick(ONSETS) + pick(VOWELS) + (i === syllables - 1 ? pick(CODAS) : '');
      if (w.length >= 4 && w.length <= 11 && !avoidWords.has(w) && !GENERIC_NAME_WORDS.has(w)) return w;
    }
  };
  // A vocabulary of distinctive words, reused across names as real registries reuse them (so some
  // tokens are common and some rare, and blocking must weigh them).
  const vocab = Array.from({ length: Math.max(200, Math.floor(total / 40)) }, word);
  const zipf = (): string => vocab[Math.floor(vocab.length * r() ** 2.2)];
  const shipName = (): string => {
    const n = r();
    const words = n < 0.45 ? [zipf()] : n < 0.8 ? [zipf(), pick(GENERIC)] : n < 0.9 ? [pick(GENERIC), zipf()] : [zipf(), zipf()];
    if (r() < 0.3) words.push(String(1 + Math.floor(r() * 99) + (r() < 0.5 ? 100 : 0)));
    return words.join(' ');
  };
  const lastChange = '2026-11-30T00:00:00';
  const counts = {
    vessel: Math.round(total * 0.06), company: Math.round(total * 0.30), person: Math.round(total * 0.45),
    ownership: Math.round(total * 0.10), directorship: Math.round(total * 0.06), unknown: Math.round(total * 0.02),
  };
  const sanctionsLeft = total - Object.values(counts).reduce((a, b) => a + b, 0);
  const sanctioned: string[] = [];

  const vocab2 = (): string => vocab[Math.floor(vocab.length * r2())];
  for (let i = 0; i < counts.company; i++) {
    const core = `${zipf()}${r() < 0.3 ? ` ${zipf()}` : ''}`;
    const suffix = pick(COMPANY_SUFFIXES);
    // Some limited-liability companies are written the Russian way, form first (OOO KORVANEL SHIPPING).
    const name = suffix.endsWith(' LLC') && r2() < 0.2 ? `OOO ${core} ${suffix.slice(0, -4)}` : `${core} ${suffix}`;
    const listed = r() < 0.04;
    if (listed) sanctioned.push(`ftm-c-${i}`);
    const extra: Record<string, string[]> = {};
    if (r2() < 0.15) extra.alias = [`${vocab2()} ${COMPANY_SUFFIXES[Math.floor(r2() * COMPANY_SUFFIXES.length)]}`];
    if (r2() < 0.05) extra.previousName = [`${vocab2()} ${COMPANY_SUFFIXES[Math.floor(r2() * COMPANY_SUFFIXES.length)]}`];
    yield {
      id: `ftm-c-${i}`, schema: 'Company', properties: { name: [name], ...extra, country: [pick(FLAGS).toLowerCase()], ...(listed ? { topics: ['sanction'] } : {}) },
      datasets: ['synthetic'], last_change: lastChange,
    };
  }
  for (let i = 0; i < counts.person; i++) {
    const given = word();
    const name = `${given} ${word()}`;
    const listed = r() < 0.01;
    if (listed) sanctioned.push(`ftm-p-${i}`);
    // A person known by another surname (a married or former name) keeps the given name.
    const alias = r2() < 0.1 ? { alias: [`${given} ${vocab2()}`] } : {};
    yield { id: `ftm-p-${i}`, schema: 'Person', properties: { name: [name], ...alias, ...(listed ? { topics: ['sanction'] } : {}) }, datasets: ['synthetic'], last_change: lastChange };
  }
  for (let i = 0; i < counts.directorship; i++) {
    const person = Math.floor(r() * counts.person);
    const company = Math.floor(r() * counts.company);
    yield { id: `ftm-d-${i}`, schema: 'Directorship', properties: { director: [`ftm-p-${person}`], organization: [`ftm-c-${company}`], role: ['Director'] }, datasets: ['synthetic'], last_change: lastChange };
  }
  const usedImos = new Set<string>();
  const imo = (): string => { for (;;) { const x = imoWithCheck(100000 + Math.floor(r() * 899999)); if (!usedImos.has(x) && !avoidImos.has(x)) { usedImos.add(x); return x; } } };
  let ownerships = 0;
  for (let i = 0; i < counts.vessel; i++) {
    const id = `ftm-v-${i}`;
    const props: Record<string, string[]> = { name: [shipName()], imoNumber: [`IMO${imo()}`], flag: [pick(FLAGS).toLowerCase()], type: [pick(VESSEL_TYPES)] };
    if (r() < 0.7) props.mmsi = [String(200_000_000 + Math.floor(r() * 575_000_000))];
    if (r() < 0.5) props.callSign = [`${pick(['V', 'H', '3', '9', 'D', 'T'])}${pick(['7', '3', 'F', 'R', 'P'])}${Math.floor(r() * 9000 + 1000)}`];
    if (r() < 0.3) props.previousName = [shipName()];
    const listed = r() < 0.05;
    if (listed) sanctioned.push(id);
    if (r() < 0.6) {
      const owner = Math.floor(r() * counts.company);
      props.owner = [`ftm-c-${owner}`];
    }
    if (r() < 0.3) {
      const operator = Math.floor(r() * counts.company);
      props.operator = [`ftm-c-${operator}`];
    }
    // Some ownership is recorded as an Ownership entity instead of a vessel property.
    if (!props.owner && ownerships < counts.ownership && r() < 0.5) {
      const owner = Math.floor(r() * counts.company);
      yield { id: `ftm-o-${ownerships++}`, schema: 'Ownership', properties: { owner: [`ftm-c-${owner}`], asset: [id], percentage: ['100'] }, datasets: ['synthetic'], last_change: lastChange };
    }
    if (listed) props.topics = ['sanction'];
    yield { id, schema: 'Vessel', properties: props, datasets: ['synthetic'], last_change: lastChange };
  }
  // Company-to-company ownership fills the rest of the Ownership budget.
  while (ownerships < counts.ownership) {
    yield { id: `ftm-o-${ownerships++}`, schema: 'Ownership', properties: { owner: [`ftm-c-${Math.floor(r() * counts.company)}`], asset: [`ftm-c-${Math.floor(r() * counts.company)}`], percentage: [String(10 + Math.floor(r() * 90))] }, datasets: ['synthetic'], last_change: lastChange };
  }
  for (let i = 0; i < counts.unknown; i++) {
    yield { id: `ftm-u-${i}`, schema: 'UnknownLink', properties: { subject: [`ftm-c-${Math.floor(r() * counts.company)}`], object: [`ftm-p-${Math.floor(r() * counts.person)}`], role: ['associate'] }, datasets: ['synthetic'], last_change: lastChange };
  }
  for (let i = 0; i < sanctionsLeft; i++) {
    const entity = sanctioned[i % Math.max(1, sanctioned.length)] ?? 'ftm-c-0';
    yield { id: `ftm-s-${i}`, schema: 'Sanction', properties: { entity: [entity], program: ['SYNTHETIC-PROGRAM'] }, datasets: ['synthetic'], last_change: lastChange };
  }
}

/** The words and IMOs of the OFAC/UN fixtures and of every screening-corpus query, for `avoidWords`. */
export async function corpusVocabulary(): Promise<{ words: Set<string>; imos: Set<string> }> {
  const { buildCorpus, loadFixtureLists } = await import('./screen-corpus.js');
  const { normaliseName } = await import('../src/screening/normalise.js');
  const entries = loadFixtureLists();
  const words = new Set<string>();
  const imos = new Set<string>();
  const add = (name: string | null | undefined): void => { if (name) for (const w of normaliseName(name).words) words.add(w); };
  for (const { entry } of entries) {
    for (const n of [entry.name, ...entry.aliases, ...entry.formerNames]) add(n);
    for (const i of entry.imo) imos.add(i);
  }
  for (const seed of [20210707, 42, 1, 2, 3]) for (const c of buildCorpus(entries, seed)) { add(c.query.name); if (c.query.imo) imos.add(c.query.imo); }
  return { words, imos };
}

async function main(): Promise<void> {
  const [out, totalArg, seedArg] = process.argv.slice(2);
  if (!out) throw new Error('usage: npx tsx bench/ftm-generate.ts OUT.jsonl [entities=1000000] [seed=1]');
  const { words, imos } = await corpusVocabulary();
  const stream = createWriteStream(out);
  let n = 0;
  let buf: string[] = [];
  for (const e of generateFtm(Number(totalArg ?? 1_000_000), Number(seedArg ?? 1), words, imos)) {
    buf.push(JSON.stringify(e));
    n++;
    if (buf.length === 10_000) {
      if (!stream.write(`${buf.join('\n')}\n`)) await new Promise<void>((res) => stream.once('drain', () => res()));
      buf = [];
    }
  }
  stream.end(buf.length ? `${buf.join('\n')}\n` : '');
  await new Promise<void>((res) => stream.on('finish', () => res()));
  process.stderr.write(`wrote ${n} entities to ${out}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
