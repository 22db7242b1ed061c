// PLACEHOLDER (issue 4): the owner of this command replaces this file with the real one.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('lists')
    .description('import and show sanctions lists')
    .action(() => {
      throw new Error('tumen lists arrives with issue 4');
    });
}
