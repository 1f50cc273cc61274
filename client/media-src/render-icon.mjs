// Rasterises icon.svg to client/media/icon.png (128x128) with the Debian chromium
// through playwright-core. Run by hand after editing the SVG: node client/media-src/render-icon.mjs
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const svg = readFileSync(path.join(here, 'icon.svg'), 'utf8');
const profile = mkdtempSync(path.join(tmpdir(), 'seams-icon-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  viewport: { width: 128, height: 128 },
  deviceScaleFactor: 1,
});
try {
  const page = await browser.newPage();
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  writeFileSync(path.join(here, '../media/icon.png'), png);
  console.log(`icon.png: ${png.length} bytes`);
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
