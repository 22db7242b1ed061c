// The CLI as a child process, for tests that kill it or need a process of their own. The built bin/tumen.js
// when dist/ is newer than every source file (`npm test` builds first): it starts on ~0.7 CPU-s, where the
// sources through tsx take ~3.5 (tsx compiles the CLI's modules on the way in). Otherwise the sources, so a
// test never runs a stale build.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const BUILT = join(root, 'dist', 'cli', 'run.js');

function newestSourceMs(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    newest = Math.max(newest, s.isDirectory() ? newestSourceMs(path) : name.endsWith('.ts') ? s.mtimeMs : 0);
  }
  return newest;
}

let built: boolean | undefined;

/** True when dist/ was built after the last change to src/. */
export function builtIsCurrent(): boolean {
  if (built === undefined) {
    try {
      built = statSync(BUILT).mtimeMs >= newestSourceMs(join(root, 'src'));
    } catch {
      built = false;
    }
  }
  return built;
}

/** `process.execPath` arguments that run `tumen ARGS...`. */
export function cliArgv(args: string[]): string[] {
  return builtIsCurrent() ? [join(root, 'bin', 'tumen.js'), ...args] : ['--import', 'tsx', join(root, 'test', 'ingest', 'run-cli.ts'), ...args];
}

export const CLI_CWD = root;
