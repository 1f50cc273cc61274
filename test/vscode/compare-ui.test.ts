// "Seams: Compare with…" in a real VS Code (code-server), driven like a person: a git
// workspace (the examples, committed) with an uncommitted change — a new service and a
// changed call on disk — run the command from the palette, take the default (HEAD) in the
// picker, and see the diff picture in the preview: the new service marked added, the banner
// naming HEAD and its commit with the counts. Typing more (unsaved) updates the picture; an
// unknown revision is a clear error message, never a crash; "Live view" goes back. Saves
// test-results/preview-compare.png (docs/images/ with SEAMS_UPDATE_SCREENSHOTS=1), the
// preview's editor group at a side pane's size.
import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { screenshotPath } from '../helpers/screenshot-path.js';
import { gitRepo, type GitRepo } from '../review/git-repo.js';
import { launchChromium, type Browser } from './browser.js';
import { repoRoot } from './build-suite.js';
import { startCodeServer, type CodeServer } from './code-server.js';
import { installCodeServer, missingDebianPackages } from './install-code-server.mjs';
import { quickOpen } from './workbench-ui.js';
import { previewFrame, runCommand, WINDOW } from './preview-driver.js';

const missing = missingDebianPackages();
const skip = missing.length > 0 && !process.env.CI ? `Debian packages missing: ${missing.join(', ')}` : undefined;
if (skip) console.log(`\n*** SKIP test/vscode/compare-ui (real VS Code): ${skip}. ***\n`);

const FILE = 'checkout.seams';

/** The uncommitted change: a refunds service calling payments, and ledger's call to fx given more time. */
function change(text: string): string {
  const changed = text.replace('calls fx.rates-api v1 {\n      timeout 200ms', 'calls fx.rates-api v1 {\n      timeout 900ms');
  assert.notEqual(changed, text, 'the example still has ledger’s call to fx');
  return changed.replace(
    /\n}\s*$/,
    `

  service refunds "Refunds" {
    owner checkout-team
    tier internal
    runtime java
    calls payments.payments-api v2 { circuit-breaker }
  }
}
`,
  );
}

async function waitForToast(page: Page, text: string): Promise<string> {
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  await toast.waitFor({ timeout: 30_000 });
  return (await toast.textContent()) ?? '';
}

async function pickerRows(page: Page): Promise<string[]> {
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first().waitFor({ timeout: 30_000 });
  return page.locator('.quick-input-widget .quick-input-list .monaco-list-row').allTextContents();
}

describe('"Seams: Compare with…" in a real VS Code (code-server)', { skip, timeout: 300_000 }, () => {
  let repo: GitRepo;
  let head: string;
  let server: CodeServer;
  let browser: Browser;

  before(async () => {
    const entry = installCodeServer();
    assert.ok(existsSync(join(repoRoot, 'dist/webview.js')), 'dist/ is not built: node esbuild.mjs');
    repo = gitRepo();
    for (const f of readdirSync(join(repoRoot, 'examples'))) cpSync(join(repoRoot, 'examples', f), join(repo.dir, f));
    head = repo.commit('the examples');
    repo.git('tag', 'v1');
    writeFileSync(join(repo.dir, FILE), change(readFileSync(join(repo.dir, FILE), 'utf8')));
    server = await startCodeServer({ entry, workspace: repo.dir });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    repo?.dispose();
  });

  test('HEAD by default: the uncommitted change marked in the preview, typing follows, errors are messages, Live view goes back', async () => {
    const page = await browser.context.newPage();
    try {
      await page.setViewportSize(WINDOW);
      const payload = JSON.stringify([['extensionDevelopmentPath', server.remoteUri(repoRoot)]]);
      // A loaded machine can take a while to serve the workbench.
      await page.goto(`${server.url}/?folder=${encodeURIComponent(repo.dir)}&payload=${encodeURIComponent(payload)}`, { timeout: 120_000 });
      await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
      await quickOpen(page, FILE);
      await page
        .locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info')
        .first()
        .waitFor({ timeout: 60_000 });
      await page.keyboard.press('Control+B');
      await page.locator('.part.sidebar').waitFor({ state: 'hidden' });

      // The picker: HEAD first (Enter takes it), then the branch and the tag.
      await runCommand(page, 'Seams: Compare with…');
      const rows = await pickerRows(page);
      assert.match(rows[0] ?? '', /HEAD.*main · [0-9a-f]{7}/, `first row: ${rows[0]}`);
      assert.ok(
        rows.some((r) => r.includes('v1')),
        `the tag is offered: ${rows.join(' | ')}`,
      );
      await page.keyboard.press('Enter');

      const frame: Frame = await previewFrame(page);
      const bar = frame.locator('.compare-bar:not([hidden])');
      await bar.waitFor({ timeout: 60_000 });
      assert.equal(await frame.locator('.compare-title').textContent(), `Compared with HEAD (${head.slice(0, 7)})`);
      await frame.locator('g.node.change-added[data-id="service:refunds"]').waitFor({ timeout: 30_000 });
      assert.ok((await frame.locator('g.edge.change-added[data-id^="call:"]').count()) >= 1, 'the new call is marked added');
      assert.ok((await frame.locator('g.edge.change-changed').count()) >= 1, 'ledger’s call to fx is marked changed');
      assert.ok((await frame.locator('g.node.muted').count()) >= 1, 'what did not change is muted');
      const counts = (await frame.locator('.compare-counts').textContent()) ?? '';
      assert.match(counts, /2 added/, counts); // the service and its call
      assert.match(counts, /0 removed/, counts);
      assert.match(counts, /1 changed/, counts);
      // The banner fits a side pane: its buttons are inside the pane.
      const pane = await frame.locator('body').boundingBox();
      const stop = await frame.locator('#compare-stop').boundingBox();
      assert.ok(pane && stop && stop.x + stop.width <= pane.x + pane.width + 1, `Live view button inside the ${pane?.width} px pane`);
      // The preview's editor group: the side pane as an author sees it.
      const group = page.locator('.editor-group-container').nth(1);
      await page.screenshot({ path: screenshotPath('preview-compare.png'), clip: (await group.boundingBox()) ?? undefined });

      // Typing (unsaved) updates the comparison: a second new service appears, marked added.
      await page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\nservice audit {\n  owner checkout-team\n  tier internal\n}\n', { delay: 5 });
      await frame.locator('g.node.change-added[data-id="service:audit"]').waitFor({ timeout: 30_000 });
      await frame.locator('.compare-counts', { hasText: '3 added' }).waitFor({ timeout: 30_000 });

      // An unknown revision, typed into the picker: a clear message, and the picture stays as it was.
      await runCommand(page, 'Seams: Compare with…');
      await pickerRows(page);
      await page.keyboard.type('no-such-branch');
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'no-such-branch' }).waitFor();
      await page.keyboard.press('Enter');
      const error = await waitForToast(page, 'no-such-branch');
      assert.match(error, /cannot compare with no-such-branch: unknown revision: no-such-branch/, error);
      assert.equal(await frame.locator('.compare-title').textContent(), `Compared with HEAD (${head.slice(0, 7)})`);
      await frame.locator('g.node.change-added[data-id="service:refunds"]').waitFor();

      // Back to the live view: no banner, no marks, the breadcrumb again.
      await frame.locator('#compare-stop').click();
      await frame.locator('.compare-bar').waitFor({ state: 'hidden', timeout: 30_000 });
      await frame.locator('.crumbs .here').waitFor({ timeout: 30_000 });
      assert.equal(await frame.locator('g.node.muted, g.node[class*="change-"]').count(), 0);
    } finally {
      await page.close();
    }
  });
});
