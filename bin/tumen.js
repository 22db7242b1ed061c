#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (the `prepare` script).
// `tumen decode` loads only its own module (fast path for streaming); everything else goes through main.
const run = process.argv[2] === 'decode'
  ? import('../dist/cli/commands/decode.js').then((m) => m.decodeMain(process.argv))
  : import('../dist/cli/main.js').then((m) => m.main(process.argv));
run.catch((err) => {
  process.stderr.write(`tumen: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
