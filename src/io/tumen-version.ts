// Which Tumen made an output: the package version and, in a git checkout, the commit (read from .git
// without running git), so an evidence pack names the exact code its figures came from.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: dist/io/ or src/io/ are two levels below it. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function gitCommit(root: string): string | null {
  try {
    const gitPath = join(root, '.git');
    if (!existsSync(gitPath)) return null;
    // A worktree's .git is a file pointing at its git dir.
    const raw = readFileSync(gitPath, 'utf8');
    const gitDir = raw.startsWith('gitdir:') ? resolve(root, raw.slice(7).trim()) : gitPath;
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref:')) return head;
    const ref = head.slice(4).trim();
    // Refs live in the common dir for worktrees.
    const common = existsSync(join(gitDir, 'commondir')) ? resolve(gitDir, readFileSync(join(gitDir, 'commondir'), 'utf8').trim()) : gitDir;
    for (const dir of [gitDir, common]) if (existsSync(join(dir, ref))) return readFileSync(join(dir, ref), 'utf8').trim();
    const packed = join(common, 'packed-refs');
    if (existsSync(packed)) return readFileSync(packed, 'utf8').split('\n').find((l) => l.endsWith(` ${ref}`))?.split(' ')[0] ?? null;
    return null;
  } catch {
    return null;
  }
}

let cached: string | null = null;

/** "tumen 0.1.0 (git 91697fb1…)" or "tumen 0.1.0" outside a checkout. */
export function tumenVersion(): string {
  if (cached) return cached;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const commit = gitCommit(ROOT);
  cached = `tumen ${pkg.version}${commit ? ` (git ${commit.slice(0, 12)})` : ''}`;
  return cached;
}
