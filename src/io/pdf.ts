// HTML → PDF by the system's headless Chromium (`--print-to-pdf`), so a printed evidence pack looks the
// same as in any browser. Spawned directly: no browser-automation dependency at run time. The browser is
// $TUMEN_CHROMIUM, else the first of chromium, chromium-browser, google-chrome on PATH.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
/** A loaded machine can take a while to start a browser; a hung one is stopped after this. */
const PRINT_TIMEOUT_MS = 180_000;

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.TUMEN_CHROMIUM) return existsSync(env.TUMEN_CHROMIUM) ? env.TUMEN_CHROMIUM : null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const n of NAMES) if (dir && existsSync(join(dir, n))) return join(dir, n);
  }
  return null;
}

/** Prints the HTML document to `outPath` (A4, as the document's @page asks). */
export async function printPdf(html: string, outPath: string): Promise<void> {
  const browser = findChromium();
  if (!browser) throw new Error('no Chromium to print the PDF with: install it (Debian: apt-get install chromium) or set TUMEN_CHROMIUM=/path/to/chrome; the HTML report is printable from any browser');
  const dir = mkdtempSync(join(tmpdir(), 'tumen-pdf-'));
  try {
    const page = join(dir, 'report.html');
    writeFileSync(page, html);
    const args = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-extensions',
      `--user-data-dir=${join(dir, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${outPath}`, pathToFileURL(page).href];
    const stderr: Buffer[] = [];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(browser, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      const timer = setTimeout(() => child.kill('SIGKILL'), PRINT_TIMEOUT_MS);
      child.stderr.on('data', (b: Buffer) => stderr.push(b));
      child.on('error', reject);
      child.on('close', (c) => { clearTimeout(timer); resolve(c); });
    });
    if (code !== 0 || !existsSync(outPath) || statSync(outPath).size === 0) {
      throw new Error(`${browser} did not print ${outPath} (exit ${code}): ${Buffer.concat(stderr).toString().trim().split('\n').slice(-3).join(' | ')}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
