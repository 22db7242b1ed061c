// PLACEHOLDER (issue 4): the owner of this command replaces this file with the real one.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('vessel')
    .description('a vessel dossier: identities, list matches, events, risk')
    .action(() => {
      throw new Error('tumen vessel arrives with issue 4');
    });
}
