// Runs the CLI from source (no build needed) for tests that spawn a real process.
import { main } from '../../src/cli/main.js';

main(process.argv).catch((err) => {
  process.stderr.write(`tumen: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
