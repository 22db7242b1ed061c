// The full CLI: every command registered (for `tumen --help` and in-process tests).
import type { Command } from 'commander';
import { COMMANDS } from './commands/index.js';
import { newProgram, runProgram } from './program.js';

export function buildProgram(): Command {
  return newProgram(COMMANDS);
}

export async function main(argv: string[]): Promise<void> {
  await runProgram(buildProgram(), argv);
}
