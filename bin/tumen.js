#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (the `prepare` script).
// `tumen decode` goes straight to its streaming entry; other commands load only their own module.
const run = process.argv[2] === 'decode'
  ? import('../dist/cli/commands/decode.js').then((m) => m.decodeMain(process.argv))
  : import('../dist/cli/run.js').then((m) => m.run(process.argv));
run.catch((err) => {
  process.stderr.write(`tumen: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
