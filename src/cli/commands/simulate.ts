// PLACEHOLDER (issue 3): the owner of this command replaces this file with the real one.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('simulate')
    .description('generate a deterministic AIS world with ground truth')
    .action(() => {
      throw new Error('tumen simulate arrives with issue 3');
    });
}
