// PLACEHOLDER (issue 5): the owner of this command replaces this file with the real one.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API and the web map')
    .action(() => {
      throw new Error('tumen serve arrives with issue 5');
    });
}
