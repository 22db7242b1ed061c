// PLACEHOLDER (issue 2): the owner of this command replaces this file with the real one.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('export')
    .description('export stored positions as Parquet, CSV or GeoJSON')
    .action(() => {
      throw new Error('tumen export arrives with issue 2');
    });
}
