#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (the `prepare` script).
// `tumen decode` goes straight to its streaming entry; other commands load only their own module.
import { setFlagsFromString } from 'node:v8';

let run;
if (process.argv[2] === 'decode') {
  // Decode's cost on a day's file is mostly V8 optimising its large generated writers on a compiler thread
  // (user CPU too); less inlining and no loop peeling cut that compile work by ~10 % of the command's CPU
  // (bench/RESULTS.md, "Decode, third round"). Set before the decoder's code is loaded.
  setFlagsFromString('--max-inlined-bytecode-size=60');
  setFlagsFromString('--no-turbo-loop-peeling');
  setFlagsFromString('--no-turbo-escape');
  run = import('../dist/cli/commands/decode.js').then((m) => m.decodeMain(process.argv));
} else {
  run = import('../dist/cli/run.js').then((m) => m.run(process.argv));
}
run.catch((err) => {
  process.stderr.write(`tumen: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
