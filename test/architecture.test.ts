// The core has no I/O: it never imports the file system, the CLI, the server or the store, and never
// reads the clock. This keeps one code path for a file replay, a live feed and a partitioned cluster.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE_DIRS = ['ais', 'geo', 'tracks', 'detectors', 'anchorages', 'events', 'sim', 'screening', 'risk', 'reference', 'lists', 'imagery', 'fuel', 'sites', 'alerts'];
const SRC = join(import.meta.dirname, '..', 'src');

function tsFiles(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(tsFiles(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

const FORBIDDEN: Array<[RegExp, string]> = [
  [/from\s+['"](node:)?fs(\/promises)?['"]/, 'imports the file system'],
  [/from\s+['"](node:)?(net|dgram|http|https|child_process)['"]/, 'does network or process I/O'],
  [/from\s+['"][./]*\/(cli|server|store|io|ingest)\//, 'imports an outer layer'],
  [/\bDate\.now\(\)|new Date\(\)|performance\.now\(\)/, 'reads the clock'],
  [/\bMath\.random\(\)/, 'is non-deterministic'],
];

describe('core purity', () => {
  const files = CORE_DIRS.flatMap((d) => tsFiles(join(SRC, d)));

  it('finds the core modules', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [relative(SRC, f), f]))('%s has no I/O and no clock', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    for (const [pattern, why] of FORBIDDEN) {
      expect(pattern.test(text), `${_name} ${why}`).toBe(false);
    }
  });
});
