// The browser code is bundled by esbuild, which does not type-check: tsc does it here (DOM lib, strict).
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

it('src/web type-checks (strict, DOM)', () => {
  const root = resolve(import.meta.dirname, '../..');
  let output = '';
  try {
    execFileSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', resolve(root, 'src/web/tsconfig.json')], { cwd: root, encoding: 'utf8' });
  } catch (err) {
    output = String((err as { stdout?: string }).stdout ?? err);
  }
  expect(output).toBe('');
}, 180_000); // tsc over the UI and MapLibre's types took 67 s at load 14–19, past a 60 s limit (bench/RESULTS.md, test suite)
