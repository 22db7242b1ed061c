// The commander program and how it runs: shared by the full CLI (main.ts) and the one-command fast path (run.ts).
import { Command, CommanderError } from 'commander';

export type Register = (program: Command) => void;

export function newProgram(registers: readonly Register[]): Command {
  const program = new Command('tumen')
    .description('Open-source monitor of sanctions evasion at sea: decode AIS, detect dark activity, screen ships, publish evidence.')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  for (const register of registers) register(program);
  return program;
}

/** Parses and runs; a usage error sets the exit code instead of throwing. Only the CLI exits the process. */
export async function runProgram(program: Command, argv: string[]): Promise<void> {
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
