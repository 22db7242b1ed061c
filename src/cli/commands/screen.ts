// PLACEHOLDER (issue 4): the owner of this command replaces this file with the real one.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('screen')
    .description('screen a ship or a fleet file against the sanctions lists')
    .action(() => {
      throw new Error('tumen screen arrives with issue 4');
    });
}
