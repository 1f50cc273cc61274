// Screenshots of every preview view in a real VS Code (code-server), at a side pane's size,
// on the examples and on generated 300- and 1,000-service architectures: the pictures of
// docs/preview.md, and what a person looks at before calling the views good.
//
//   node esbuild.mjs && node --import tsx test/vscode/preview-screenshots.ts [examples|300|1000 ...]
//
// Pictures go to test-results/ (docs/images/ with SEAMS_UPDATE_SCREENSHOTS=1), named
// preview-MODEL-VIEW.png (…-dark.png with SEAMS_SHOT_THEME=dark), each clipped to the preview's editor group,
// and for the examples the whole window as preview.png (the README's picture, also written by preview-ui.test.ts). It prints, per view,
// the breadcrumb, the zoom the picture is drawn at, and the time from asking to drawn.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { generateArchitecture } from '../helpers/generate-architecture.js';
import { screenshotPath } from '../helpers/screenshot-path.js';
import { launchChromium } from './browser.js';
import { repoRoot } from './build-suite.js';
import { startCodeServer } from './code-server.js';
import { installCodeServer } from './install-code-server.mjs';
import { quickOpen } from './workbench-ui.js';
import { openPreviewToSide, scaleOf, WINDOW } from './preview-driver.js';

const models = process.argv.slice(2).length ? process.argv.slice(2) : ['examples', '300', '1000'];
/** SEAMS_SHOT_THEME=dark takes the pictures in VS Code's Dark Modern theme (named …-dark.png). */
const dark = process.env.SEAMS_SHOT_THEME === 'dark';

function prepare(model: string, into: string): { file: string } {
  if (model === 'examples') {
    cpSync(join(repoRoot, 'examples'), into, { recursive: true });
    return { file: 'checkout.seams' };
  }
  const files = generateArchitecture({ services: Number(model), systemSize: model === '300' ? 30 : 50, healthy: true });
  for (const f of files) writeFileSync(join(into, f.file), f.text);
  return { file: files[1]!.file };
}

/** Waits for a picture other than `before` (the svg's data-version changes on every draw) and its breadcrumb. */
async function nextPicture(frame: Frame, before: string | null): Promise<void> {
  await frame.waitForFunction(
    (v) => {
      const svg = document.querySelector('svg.canvas');
      return svg?.getAttribute('data-version') !== v && svg?.querySelector('g.node[data-id]');
    },
    before,
    { timeout: 120_000 },
  );
}

async function shoot(page: Page, frame: Frame, model: string, view: string, started: number): Promise<void> {
  const ms = Date.now() - started;
  const here = await frame.locator('.crumbs').textContent();
  const scale = scaleOf(await frame.locator('g.viewport').getAttribute('transform'));
  const nodes = await frame.locator('g.node[data-id]').count();
  const group = page.locator('.editor-group-container').nth(1);
  const box = await group.boundingBox();
  const file = screenshotPath(`preview-${model}-${view}${dark ? '-dark' : ''}.png`);
  await page.screenshot({ path: file, clip: box ?? undefined });
  console.log(
    `${model.padEnd(8)} ${view.padEnd(9)} ${String(here).padEnd(40)} zoom ${scale.toFixed(2)}  ${nodes} boxes  ${ms} ms  ${file}`,
  );
}

const entry = installCodeServer();
if (!existsSync(join(repoRoot, 'dist/webview.js'))) throw new Error('dist/ is not built: node esbuild.mjs');
const browser = await launchChromium();
try {
  for (const model of models) {
    const work = mkdtempSync(join(tmpdir(), `seams-shots-${model}-`));
    const folder = join(work, model);
    mkdirSync(folder, { recursive: true });
    const { file } = prepare(model, folder);
    const server = await startCodeServer({
      entry,
      workspace: folder,
      settings: { 'workbench.colorTheme': dark ? 'Default Dark Modern' : 'Default Light Modern' },
    });
    const page = await browser.context.newPage();
    try {
      await page.setViewportSize(WINDOW);
      const payload = JSON.stringify([['extensionDevelopmentPath', server.remoteUri(repoRoot)]]);
      await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
      await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
      await quickOpen(page, file);
      // Timed from the command, not from the wait for the editor's first squiggle before it.
      let started = Date.now();
      const frame = await openPreviewToSide(page, () => (started = Date.now()));
      await shoot(page, frame, model, 'auto', started);
      // The README's picture: the whole window, the source beside the preview's auto view.
      if (model === 'examples' && !dark) await page.screenshot({ path: screenshotPath('preview.png') });

      const pick = async (value: string): Promise<void> => {
        const before = await frame.locator('svg.canvas').getAttribute('data-version');
        started = Date.now();
        await frame.locator('#more').click();
        await frame.locator('#view').selectOption(value);
        await nextPicture(frame, before);
      };
      if ((await frame.locator('.crumbs .here').textContent()) !== 'Landscape') await pick('landscape');
      await shoot(page, frame, model, 'landscape', started);

      // A system: the first system box of the landscape, opened with a double-click.
      const systemBox = frame.locator('g.node.collapsed[data-id^="group:system:"] .shape').first();
      let before = await frame.locator('svg.canvas').getAttribute('data-version');
      started = Date.now();
      await systemBox.dblclick();
      await nextPicture(frame, before);
      await shoot(page, frame, model, 'system', started);

      // A service: the first service of that system, selected, then Focus.
      const service = frame.locator('g.node[data-kind="service"]').first();
      await service.focus();
      before = await frame.locator('svg.canvas').getAttribute('data-version');
      started = Date.now();
      await frame.locator('#focus').click();
      await nextPicture(frame, before);
      await shoot(page, frame, model, 'service', started);

      await pick('all');
      await shoot(page, frame, model, 'all', started);
    } finally {
      await page.close();
      await server.stop();
      rmSync(work, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}
