// PLACEHOLDER (issue 2): the owner of this command replaces this file with the real one.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('ingest')
    .description('load NMEA logs, CSV exports or a live feed into the store')
    .action(() => {
      throw new Error('tumen ingest arrives with issue 2');
    });
}
