// Debian's chromium for the browser tests, driven by playwright-core: one launch for every test file.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export interface TestBrowser {
  browser: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Chromium on a fresh profile (nothing cached from a previous run changes what a test sees). */
export async function openBrowser(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (scripts/test.sh does: apt-get install chromium)`);
  const profile = await mkdtemp(join(tmpdir(), 'tumen-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
    viewport: { width: 1200, height: 800 },
    acceptDownloads: true,
  });
  const page = browser.pages()[0] ?? await browser.newPage();
  page.on('pageerror', (err) => console.error('page error:', err.message));
  // Generous: a loaded 2-core machine (load ~20) needs it; a quiet machine needs a few seconds.
  page.setDefaultTimeout(120_000);
  return {
    browser, page,
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
