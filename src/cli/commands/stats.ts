// PLACEHOLDER (issue 2): the owner of this command replaces this file with the real one.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('stats')
    .description('show what the store holds and what was rejected')
    .action(() => {
      throw new Error('tumen stats arrives with issue 2');
    });
}
