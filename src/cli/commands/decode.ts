// PLACEHOLDER (issue 2): the owner of this command replaces this file with the real one.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('decode')
    .description('decode raw AIS NMEA to JSON Lines or CSV on stdout')
    .action(() => {
      throw new Error('tumen decode arrives with issue 2');
    });
}
