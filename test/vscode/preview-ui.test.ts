// The preview in a real VS Code (code-server), driven like a person: open an example file,
// run "Seams: Open Preview to the Side" from the command palette in a laptop-sized window,
// see a readable first view (auto, fit >= 0.6), go into a system and back with the
// breadcrumb, click a service and land on its declaration in the editor. Saves screenshots
// (test-results/preview.png; docs/images/preview.png, the README's, with
// SEAMS_UPDATE_SCREENSHOTS=1), then reloads the window: the preview comes back. The extension is loaded from this checkout's
// build (extensionDevelopmentPath), so no packaging is needed here; vscode.test.ts tests
// the packaged .vsix. Without the Debian packages it prints a loud SKIP, except under CI.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { screenshotPath } from '../helpers/screenshot-path.js';
import { launchChromium, type Browser } from './browser.js';
import { repoRoot } from './build-suite.js';
import { startCodeServer, type CodeServer } from './code-server.js';
import { installCodeServer, missingDebianPackages } from './install-code-server.mjs';
import { quickOpen } from './workbench-ui.js';
import { previewFrame, runCommand, scaleOf, WINDOW } from './preview-driver.js';

const missing = missingDebianPackages();
const skip = missing.length > 0 && !process.env.CI ? `Debian packages missing: ${missing.join(', ')}` : undefined;
if (skip) console.log(`\n*** SKIP test/vscode/preview-ui (real VS Code): ${skip}. ***\n`);

const FILE = 'checkout.seams';
const SYSTEM = 'checkout';
const SERVICE = 'orders';
/** 1-based line and column of `service NAME`'s name in the example file. */
function declarationOf(folder: string, file: string, service: string): { line: number; column: number } {
  const lines = readFileSync(join(folder, file), 'utf8').split('\n');
  const line = lines.findIndex((l) => new RegExp(`^\\s*service\\s+${service}\\b`).test(l));
  assert.ok(line >= 0, `${file} declares no service ${service}`);
  return { line: line + 1, column: lines[line]!.indexOf(service, lines[line]!.indexOf('service') + 7) + 1 };
}

describe('the Seams preview in a real VS Code (code-server)', { skip, timeout: 300_000 }, () => {
  let work: string;
  let folder: string;
  let server: CodeServer;
  let browser: Browser;

  before(async () => {
    const entry = installCodeServer();
    assert.ok(existsSync(join(repoRoot, 'dist/webview.js')), 'dist/ is not built: node esbuild.mjs');
    work = mkdtempSync(join(tmpdir(), 'seams-preview-ui-'));
    folder = join(work, 'examples');
    cpSync(join(repoRoot, 'examples'), folder, { recursive: true });
    server = await startCodeServer({ entry, workspace: folder });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('open the preview to the side: a readable first view, into a system and back, click a service, land on its line', async () => {
    const page = await browser.context.newPage();
    try {
      // A laptop-sized window: with the side bar closed, each editor group is about 520 px wide, a side pane.
      await page.setViewportSize(WINDOW);
      const payload = JSON.stringify([['extensionDevelopmentPath', server.remoteUri(repoRoot)]]);
      await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
      await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
      await quickOpen(page, FILE);
      // The language server is up once the file's diagnostics arrive.
      await page
        .locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info')
        .first()
        .waitFor({ timeout: 60_000 });
      await page.keyboard.press('Control+B');
      await page.locator('.part.sidebar').waitFor({ state: 'hidden' });

      // The editor title offers the preview button, as for Markdown.
      await page.locator('.editor-actions [aria-label*="Open Preview to the Side"]').first().waitFor({ timeout: 30_000 });
      await runCommand(page, 'Seams: Open Preview to the Side');
      await page.locator('.tabs-container .tab', { hasText: 'Seams Preview' }).waitFor({ timeout: 30_000 });

      const frame = await previewFrame(page);
      // The first picture is `auto` for this pane: resolved to a view, fitted, and readable (≥ 60 %).
      await frame.locator('.crumbs .here').waitFor();
      const first = await frame.locator('.crumbs .here').textContent();
      const pane = await frame.locator('svg.canvas').boundingBox();
      assert.ok(pane && pane.width > 400 && pane.width < 640, `a side pane: ${JSON.stringify(pane)}`);
      const scale = scaleOf(await frame.locator('g.viewport').getAttribute('transform'));
      assert.ok(scale >= 0.6, `the auto view (${first}) is drawn at ${scale} of its natural size in a ${pane.width}×${pane.height} pane`);
      assert.ok((await frame.locator('g.node .badge').count()) > 0, 'no problem badges drawn');
      // The toolbar is one row.
      const bar = await frame.locator('.toolbar').boundingBox();
      assert.ok(bar && bar.height < 40, `toolbar ${bar?.height} px tall`);
      const screenshot = screenshotPath('preview.png');
      mkdirSync(dirname(screenshot), { recursive: true });
      await page.screenshot({ path: screenshot });

      // Into the checkout system: double-click its box (landscape) or its ↗ button (a frame in `all`).
      const box = frame.locator(`g.node.collapsed[data-id="group:system:${SYSTEM}"] .shape`);
      if (await box.count()) await box.dblclick();
      else await frame.locator(`[data-open-view="group:system:${SYSTEM}"]`).click();
      await frame.locator('.crumbs .here', { hasText: SYSTEM }).waitFor({ timeout: 30_000 });
      await frame.locator(`g.node[data-id="service:${SERVICE}"]`).waitFor();
      const inside = scaleOf(await frame.locator('g.viewport').getAttribute('transform'));
      assert.ok(inside > 0, 'the system view is fitted');
      await frame.locator(`g.node.active-file[data-id="service:${SERVICE}"]`).waitFor();

      // Click the service: the editor opens its declaration with the name selected.
      const { line, column } = declarationOf(folder, FILE, SERVICE);
      // The status bar shows the selection's active end: just after the selected name.
      const want = `Ln ${line}, Col ${column + SERVICE.length} (${SERVICE.length} selected)`;
      await frame.locator(`g.node[data-id="service:${SERVICE}"] .shape`).click();
      const position = page.locator('[id="status.editor.selection"]');
      await page
        .waitForFunction((text) => (document.querySelector('[id="status.editor.selection"]')?.textContent ?? '').includes(text), want, {
          timeout: 30_000,
        })
        .catch(async (e: Error) => {
          throw new Error(`the editor shows "${await position.textContent()}", expected "${want}": ${e.message}`);
        });
      // In the source's own group: the file's tab is the active one there, the preview stays open beside it.
      await page.locator(`.tabs-container .tab.active[data-resource-name="${FILE}"]`).waitFor();
      await page.locator('.tabs-container .tab', { hasText: 'Seams Preview' }).waitFor();
      // The cursor now sits in the declaration, so the preview outlines that node.
      await frame
        .locator(`g.node.cursor[data-id="service:${SERVICE}"]`)
        .waitFor({ timeout: 30_000 })
        .catch(async (e: Error) => {
          const marks = await frame.evaluate(() =>
            [...document.querySelectorAll('.cursor, .selected')].map((el) => `${el.getAttribute('data-id')} ${el.getAttribute('class')}`),
          );
          throw new Error(`no cursor mark on ${SERVICE}; marked: ${JSON.stringify(marks)}: ${e.message}`);
        });
      await page.screenshot({ path: screenshotPath('preview-system.png') });

      // Back up with the breadcrumb.
      await frame.locator('.crumbs button', { hasText: 'Landscape' }).click();
      await frame.locator('.crumbs .here', { hasText: 'Landscape' }).waitFor({ timeout: 30_000 });
      await frame.locator(`g.node[data-id="group:system:${SYSTEM}"]`).waitFor();

      // After a window reload the preview comes back by itself, on the same view, with its zoom and position.
      const view = await frame.locator('g.viewport').getAttribute('transform');
      await runCommand(page, 'Developer: Reload Window');
      await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
      await page.locator('.tabs-container .tab', { hasText: 'Seams Preview' }).waitFor({ timeout: 60_000 });
      const restored = await previewFrame(page);
      await restored.locator('.crumbs .here', { hasText: 'Landscape' }).waitFor({ timeout: 30_000 });
      assert.equal(await restored.locator('g.viewport').getAttribute('transform'), view);
    } finally {
      await page.close();
    }
  });
});
