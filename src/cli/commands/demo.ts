// PLACEHOLDER (issue 3): the owner of this command replaces this file with the real one.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('demo')
    .description('simulate, ingest, detect and show the result')
    .action(() => {
      throw new Error('tumen demo arrives with issue 3');
    });
}
