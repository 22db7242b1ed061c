// The installed launcher: `tumen --help` lists every command; a known command runs from its own module;
// an unknown one is a usage error with exit code 1. Runs the built bin (npm test builds first).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'tumen.js');
const tumen = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('tumen launcher', () => {
  it('lists every command with a description', () => {
    const r = tumen('--help');
    expect(r.status).toBe(0);
    for (const name of ['demo', 'decode', 'ingest', 'export', 'stats', 'simulate', 'detect', 'events', 'lists', 'screen', 'vessel', 'serve']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${name} .*\\S`, 'm'));
    }
  });

  it('runs one command from its own module, with its own options', () => {
    const r = tumen('screen', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--file <csv>');
  });

  it('refuses an unknown command with exit code 1', () => {
    const r = tumen('bogus');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("unknown command 'bogus'");
  });

  it('exits 0 without a stack when its reader has gone (`tumen … | head`)', async () => {
    const child = spawn(process.execPath, [BIN, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
