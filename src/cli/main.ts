// The CLI entry: parses arguments and dispatches to one module per command. Only the CLI exits the process.
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands/index.js';

export function buildProgram(): Command {
  const program = new Command('tumen')
    .description('Open-source monitor of sanctions evasion at sea: decode AIS, detect dark activity, screen ships, publish evidence.')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    throw err;
  }
}
