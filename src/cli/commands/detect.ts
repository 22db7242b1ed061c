// PLACEHOLDER (issue 3): the owner of this command replaces this file with the real one.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('detect')
    .description('run the event detectors over the store')
    .action(() => {
      throw new Error('tumen detect arrives with issue 3');
    });
}
