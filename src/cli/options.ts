// Options shared by several commands.
import { DEFAULT_DB_PATH } from '../store/db.js';
import type { Command } from 'commander';

export function withDbOption(cmd: Command): Command {
  return cmd.option('--db <path>', 'DuckDB store file', DEFAULT_DB_PATH);
}
