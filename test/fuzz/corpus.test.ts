// The fuzz campaign's regression corpus (test/fixtures/fuzz, written by bench/fuzz.ts): every input goes
// through the decoder, `tumen decode`'s file path, the ingest and the list parsers without a throw, and
// the counts add up (lines = messages + fragments + rejected + skipped).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AisDecoder } from '../../src/ais/index.js';
import { decodeFiles } from '../../src/cli/commands/decode.js';
import { ingestFiles } from '../../src/ingest/ingest.js';
import { parseUnXml } from '../../src/lists/un-xml.js';
import { withTempStore } from '../ingest/helpers.js';

const CORPUS = fileURLToPath(new URL('../fixtures/fuzz/', import.meta.url));
const sum = (c: Record<string, number>): number => Object.values(c).reduce((a, b) => a + b, 0);

/** The corpus lines plus what is not stored in the repository: 1 MB lines and CR-only line ends. */
function nmeaInput(): Buffer {
  const corpus = readFileSync(join(CORPUS, 'nmea-mutated.txt'));
  const line = '!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A';
  return Buffer.concat([corpus, Buffer.from(`${line}${'A'.repeat(1 << 20)}\n${'B'.repeat((1 << 20) + 7)}\n${line}\r${line}\r\n`)]);
}

describe('fuzz corpus', () => {
  it('NMEA: the decoder never throws and every line is counted once', () => {
    const d = new AisDecoder();
    const lines = nmeaInput().toString('latin1').split(/\r\n|\n|\r/);
    for (const l of lines) d.decodeLine(l);
    d.flush();
    expect(sum(d.counts)).toBe(lines.length);
    expect(d.counts.message).toBeGreaterThan(10);
  });

  it('NMEA: decode and ingest of the file agree and add up; no stored time outside the window', async () => {
    await withTempStore(async (store, dir) => {
      const file = join(dir, 'fuzz.nmea');
      writeFileSync(file, nmeaInput());
      const dec = await decodeFiles([file], { format: 'jsonl', strict: false }, { closed: false, write: () => undefined });
      expect(sum(dec.counts)).toBe(dec.lines);
      const [r] = await ingestFiles(store, [file], { worker: false });
      expect(r.status, r.message ?? '').toBe('done');
      expect([r.counts!.lines, r.counts!.messages]).toEqual([dec.lines, dec.counts.message]);
      const span = await store.one<{ lo: Date | null; hi: Date | null }>('SELECT min(time) AS lo, max(time) AS hi FROM positions');
      if (span?.lo) expect(span.lo.getTime()).toBeGreaterThanOrEqual(Date.UTC(1990, 0, 1));
      if (span?.hi) expect(span.hi.getTime()).toBeLessThanOrEqual(Date.now() + 86_400_000);
    });
  });

  it('CSV: each file is stored with its rejects counted (lines = messages + rejected + header) or fails with a message', async () => {
    await withTempStore(async (store) => {
      const files = readdirSync(CORPUS).filter((f) => f.endsWith('.csv')).map((f) => join(CORPUS, f));
      expect(files.length).toBeGreaterThan(5);
      const out = await ingestFiles(store, files);
      for (const r of out) {
        if (r.status === 'done') expect(r.counts!.lines, r.path).toBe(r.counts!.messages + sum(r.counts!.rejects) + 1);
        else expect(r.message, r.path).toMatch(/csv: (no \w+ column recognised|stored nothing|the CSV reader lost track of rows)/);
      }
      expect(out.filter((r) => r.status === 'done').length).toBeGreaterThan(files.length / 2);
    });
  });

  it('lists: an entity-expansion bomb is not expanded', () => {
    const t = Date.now();
    const r = parseUnXml(readFileSync(join(CORPUS, 'un-entity-bomb.xml'), 'utf8'));
    expect(Date.now() - t).toBeLessThan(5000);
    expect(JSON.stringify(r).length).toBeLessThan(10_000);
  });
});
