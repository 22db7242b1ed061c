// The launcher's entry: a known command loads only its own module, so `tumen screen` does not pay for
// loading the server, the simulator and the detectors at start-up. Anything else (help, typos) gets the full CLI.
import { newProgram, runProgram, type Register } from './program.js';

const COMMAND_MODULES: Record<string, string> = {
  demo: 'demo', decode: 'decode', ingest: 'ingest', export: 'export', stats: 'stats', simulate: 'simulate',
  detect: 'detect', events: 'events', lists: 'lists', screen: 'screen', vessel: 'vessel', report: 'report', serve: 'serve',
  imagery: 'imagery', detections: 'detections', fuel: 'fuel', sites: 'sites', worker: 'worker', cluster: 'cluster',
};

export async function run(argv: string[]): Promise<void> {
  // `tumen … | head`: the reader leaving is not a crash; the command finishes, its output goes nowhere.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  const module = Object.hasOwn(COMMAND_MODULES, argv[2] ?? '') ? COMMAND_MODULES[argv[2]] : undefined;
  if (!module) {
    const { main } = await import('./main.js');
    return main(argv);
  }
  const { register } = (await import(`./commands/${module}.js`)) as { register: Register };
  await runProgram(newProgram([register]), argv);
}
