// PLACEHOLDER (issue 3): the owner of this command replaces this file with the real one.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('events')
    .description('print detected events as JSON Lines, CSV or GeoJSON')
    .action(() => {
      throw new Error('tumen events arrives with issue 3');
    });
}
