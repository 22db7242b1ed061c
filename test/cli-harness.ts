// Runs the CLI in this process (as bin/tumen.js does), capturing stdout, stderr and the exit code.
import { vi } from 'vitest';
import { main } from '../src/cli/main.js';

export async function tumen(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  process.exitCode = 0;
  try {
    await main(['node', 'tumen', ...args]);
  } catch (e) {
    stderr += `tumen: ${(e as Error).message}\n`;
    process.exitCode = 1;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const status = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { status, stdout, stderr };
}
