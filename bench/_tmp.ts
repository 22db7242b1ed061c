import { spawn } from 'node:child_process';
for (const args of [['--help'], ['simulate', '--help'], ['stats', '--db', '/nonexist']]) {
  const c = spawn(process.execPath, ['bin/tumen.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  c.stdout.destroy();
  let err = '';
  c.stderr.on('data', (d) => (err += d));
  const code = await new Promise((r) => c.on('close', r));
  console.log(args.join(' '), code, err.slice(0, 200));
}
