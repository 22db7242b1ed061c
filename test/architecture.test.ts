// The core has no I/O: it never imports the file system, a Node built-in or an outer layer, and never reads
// the clock or the process. This keeps one code path for a file replay, a live feed, a partitioned cluster
// and the browser. Around it, every directory of src/ is a layer of a rank (test/architecture/layers.ts),
// and a layer never imports one ranked above it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE, LAYER_RANK, readSource, violations } from './architecture/layers.js';

const SRC = join(import.meta.dirname, '..', 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const dirs = readdirSync(SRC).filter((d) => statSync(join(SRC, d)).isDirectory()).sort();
const files = tsFiles(SRC).map((f) => relative(SRC, f).split('\\').join('/'));

describe('dependency direction', () => {
  it('every directory of src/ is the core or a known layer, and src/ holds no loose module', () => {
    expect(dirs).toEqual([...CORE, ...Object.keys(LAYER_RANK)].sort());
    expect(files.filter((f) => !f.includes('/'))).toEqual([]);
  });

  it('reads the imports of every module, the core\'s among them', () => {
    const core = files.filter((f) => (CORE as readonly string[]).includes(f.split('/')[0]));
    expect(core.length).toBeGreaterThan(100);
    // The detectors import the tracks and the geography: the reader sees imports where they are.
    const seen = files.filter((f) => f.startsWith('detectors/')).flatMap((f) => readSource(readFileSync(join(SRC, f), 'utf8')).imports.map((i) => i.spec));
    expect(seen.some((s) => s.startsWith('../tracks/'))).toBe(true);
    expect(seen.some((s) => s.startsWith('../geo/'))).toBe(true);
  });

  it.each(dirs)('src/%s keeps to its layer', (dir) => {
    expect(files.filter((f) => f.startsWith(`${dir}/`)).flatMap((f) => violations(f, readFileSync(join(SRC, f), 'utf8')))).toEqual([]);
  });
});

// The checker itself, on snippets: each rule can fail.
describe('the dependency checker', () => {
  const core = 'detectors/x.ts';
  it.each([
    ["import { readFileSync } from 'node:fs';", 'imports the Node built-in node:fs'],
    ["import { readFile } from 'fs/promises';", 'imports the Node built-in fs/promises'],
    ["const fs = await import('node:fs');", 'imports the Node built-in node:fs'],
    ["import 'node:net';", 'imports the Node built-in node:net'],
    ["import { createHash } from 'node:crypto';", 'imports the Node built-in node:crypto'],
    ["import { Store } from '../store/db.js';", 'the core imports the store layer'],
    ["import type { Store } from '../../store/db.js';", 'the core imports the store layer'],
    ["export { x } from '../server/start.js';", 'the core imports the server layer'],
    ["import {\n  a,\n  b,\n} from '../io/x.js';", 'the core imports the io layer'],
    ["export type X = { a: number };\nimport { Store } from '../store/db.js';", 'the core imports the store layer'],
    ['const t = Date.now();', 'reads the clock'],
    ['const t = new Date();', 'reads the clock'],
    ['const t = performance.now();', 'reads the clock'],
    ['setTimeout(f, 10);', 'waits on the clock'],
    ['const d = process.env.TUMEN_DIR;', 'reads the process'],
    ['const x = Math.random();', 'is non-deterministic'],
    ['const e = globalThis.process.env;', 'reads the process'],
    ["const f = require('node:fs');", 'imports the Node built-in node:fs'],
    ["import { type Store } from '../store/db.js';", 'the core imports the store layer'],
    ["let s: import('../store/db.js').Store;", 'the core imports the store layer'],
  ])('flags, in the core, %s', (code, why) => {
    expect(violations(core, code).join('\n')).toContain(why);
  });

  it.each([
    ['a relative import within the core', "import { haversineM } from '../geo/distance.js';"],
    ['a time made from data', 'const t = new Date(ms).toISOString();'],
    ['what a comment says', "// never Date.now() nor import from 'node:fs'\n/* process.env */"],
    ['a URL in a string', "const u = 'https://example.org/x'; // process.env"],
    ['a glob in a comment, then code', "// files (truth/*.jsonl)\nimport { a } from '../sim/b.js';"],
    ['a property of its own named process', 'const p = run.process.env;'],
  ])('passes, in the core, %s', (_what, code) => {
    expect(violations(core, code)).toEqual([]);
  });

  it('holds the layers to their ranks; type-only imports are free outside the core', () => {
    expect(violations('store/x.ts', "import { startServer } from '../server/start.js';").join()).toContain('store (rank 2) imports server (rank 3)');
    expect(violations('server/x.ts', "import { main } from '../cli/main.js';").join()).toContain('server (rank 3) imports cli (rank 4)');
    expect(violations('web/x.ts', "import { Store } from '../store/db.js';").join()).toContain('web (rank 1) imports store (rank 2)');
    expect(violations('web/x.ts', "import type { TrackResponse } from '../server/track-json.js';")).toEqual([]);
    expect(violations('web/x.ts', "import { type TrackResponse } from '../server/track-json.js';")).toEqual([]);
    expect(violations('web/x.ts', "import { type T, startServer } from '../server/start.js';").join()).toContain('web (rank 1) imports server');
    expect(violations('web/x.ts', "export type X = { a: number };\nimport { Store } from '../store/db.js';").join()).toContain('web (rank 1) imports store');
    expect(violations('cli/x.ts', "import { startServer } from '../server/start.js';\nimport { readFileSync } from 'node:fs';")).toEqual([]);
    expect(violations('server/x.ts', "import { Store } from '../store/db.js';")).toEqual([]);
  });

  it('keeps Node out of the browser and the report pure', () => {
    expect(violations('web/x.ts', "import { join } from 'node:path';").join()).toContain('Node built-in node:path');
    expect(violations('report/x.ts', 'const at = new Date();').join()).toContain('reads the clock');
    expect(violations('report/x.ts', "import { writeFileSync } from 'node:fs';").join()).toContain('Node built-in node:fs');
  });

  it('names a directory it does not know', () => {
    expect(violations('newlayer/x.ts', '').join()).toContain('src/newlayer is neither core nor a known layer');
  });
});
