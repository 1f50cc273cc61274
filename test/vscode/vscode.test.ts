// Proof that Seams works in a real VS Code: code-server 4.100.3 (VS Code 1.100.3) with the
// packaged .vsix installed, driven by Debian's chromium. Two parts share one code-server:
//   1. the mocha suite (test/vscode/suite/) runs inside the extension host against a copy
//      of examples/ and exercises every feature through the vscode API;
//   2. a UI pass opens another copy like a person, checks squiggles and the Problems
//      panel, applies a quick fix from the light bulb and saves a screenshot (test-results/editor.png;
//      docs/images/editor.png, the README's, with SEAMS_UPDATE_SCREENSHOTS=1).
// Without the Debian packages it prints a loud SKIP, except under CI, where it fails.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { screenshotPath } from '../helpers/screenshot-path.js';
import { seamsCheckJson, type JsonDiagnostic } from '../helpers/seams-check-json.js';
import { launchChromium, type Browser } from './browser.js';
import { buildEditorSuite, repoRoot } from './build-suite.js';
import { startCodeServer, type CodeServer } from './code-server.js';
import { installCodeServer, missingDebianPackages } from './install-code-server.mjs';
import { runSuiteInWorkbench } from './run-suite-in-workbench.js';
import { vsixEntries } from './vsix-entries.js';
import {
  chooseQuickFix,
  goToLine,
  openProblemsPanel,
  openQuickFixMenu,
  openWorkbench,
  quickOpen,
  save,
  waitForProblemCounts,
  type ProblemCounts,
} from './workbench-ui.js';

const missing = missingDebianPackages();
const skip = missing.length > 0 && !process.env.CI ? `Debian packages missing: ${missing.join(', ')}` : undefined;
if (skip) console.log(`\n*** SKIP test/vscode (real VS Code): ${skip}. apt-get install -y ${missing.join(' ')} to run it. ***\n`);

/** Whether two diagnostics' ranges share a character (ranges are half-open, 1-based). */
function overlap(a: JsonDiagnostic, b: JsonDiagnostic): boolean {
  const before = (l1: number, c1: number, l2: number, c2: number) => l1 < l2 || (l1 === l2 && c1 <= c2);
  return !before(a.endLine, a.endColumn, b.line, b.column) && !before(b.endLine, b.endColumn, a.line, a.column);
}

function countBySeverity(diagnostics: JsonDiagnostic[]): ProblemCounts {
  const count = (severity: string) => diagnostics.filter((d) => d.severity === severity).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info') };
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function run(command: string, args: string[], cwd = repoRoot) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const checkWithCli = (folder: string) => seamsCheckJson(join(repoRoot, 'dist/cli.cjs'), folder);

describe('Seams in a real VS Code (code-server)', { skip, timeout: 600_000 }, () => {
  let work: string;
  let server: CodeServer;
  let browser: Browser;
  let suiteFolder: string;
  let uiFolder: string;
  let extensionPath: string;
  let testsPath: string;
  const vsix = join(repoRoot, 'dist/seams.vsix');

  before(async () => {
    let since = Date.now();
    const entry = installCodeServer();
    console.log(`[vscode] code-server ready (${seconds(since)})`);

    since = Date.now();
    run('npm', ['run', 'package']);
    console.log(`[vscode] packaged ${basename(vsix)}, ${(statSync(vsix).size / 1024).toFixed(0)} KiB (${seconds(since)})`);
    testsPath = await buildEditorSuite();

    // Copies, so that the tests' edits (rename, quick fix, formatting) never touch examples/.
    work = mkdtempSync(join(tmpdir(), 'seams-vscode-workspaces-'));
    suiteFolder = join(work, 'suite-examples');
    uiFolder = join(work, 'ui-examples');
    cpSync(join(repoRoot, 'examples'), suiteFolder, { recursive: true });
    cpSync(join(repoRoot, 'examples'), uiFolder, { recursive: true });

    since = Date.now();
    server = await startCodeServer({ entry, workspace: suiteFolder, vsixFiles: [vsix] });
    const installed = readdirSync(server.extensionsDir).find((name) => name.startsWith('seams-dev.seams-'));
    assert.ok(installed, `the .vsix did not install: ${readdirSync(server.extensionsDir).join(', ')}`);
    extensionPath = join(server.extensionsDir, installed);
    browser = await launchChromium();
    console.log(`[vscode] code-server on ${server.url}, extension at ${extensionPath} (${seconds(since)})`);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
    // Packaging rebuilt dist/ minified and without source maps; later tests get the usual build.
    run(process.execPath, ['esbuild.mjs']);
  });

  test("the .vsix holds only what runs: bundles, grammar, media, rule docs, the README's pictures", () => {
    const entries = vsixEntries(vsix);
    console.log(`[vscode] ${basename(vsix)}: ${entries.length} files\n${entries.map((e) => `  ${e}`).join('\n')}`);
    // Bundled code without source maps, the declarative contributions, the pages diagnostics
    // link to, and the manifest files vsce writes; nothing from node_modules, sources or tests.
    const allowed =
      /^(extension\.vsixmanifest|\[Content_Types\]\.xml|extension\/(package\.json|readme\.md|LICENSE\.txt|dist\/[\w-]+\.(cjs|js|css)|syntaxes\/[\w.-]+\.json|client\/media\/[\w.-]+\.(png|svg)|docs\/images\/[\w-]+\.png|docs\/rules\/[\w-]+\.md))$/;
    assert.deepEqual(
      entries.filter((e) => !allowed.test(e)),
      [],
    );
    for (const needed of [
      'extension/package.json',
      'extension/dist/client.cjs',
      'extension/dist/server.cjs',
      'extension/syntaxes/seams.tmLanguage.json',
      'extension/docs/images/editor.png',
    ]) {
      assert.ok(entries.includes(needed), `${needed} is not packaged`);
    }
  });

  test('the details page in the Extensions view shows every README picture, and no link goes nowhere', async () => {
    const readmeImages = [...readFileSync(join(repoRoot, 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].length;
    const page = await browser.context.newPage();
    try {
      await openWorkbench(page, server.url, uiFolder);
      await page.keyboard.press('Control+Shift+X');
      const search = page
        .locator('.extensions-viewlet .monaco-inputbox textarea, .extensions-viewlet .suggest-input-container textarea')
        .first();
      await search.waitFor({ timeout: 30_000 });
      await page.keyboard.type('@installed seams');
      await page.locator('.extensions-list .monaco-list-row', { hasText: 'Seams' }).first().click();
      // The README renders in a webview frame; wait until it has its pictures decoded.
      let images: { src: string; width: number }[] = [];
      let links: string[] = [];
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        for (const frame of page.frames()) {
          const found = await frame
            .evaluate(() => ({
              images: [...document.querySelectorAll('img')].map((i) => ({
                src: (i.getAttribute('src') ?? '').slice(0, 30),
                width: i.naturalWidth,
              })),
              links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
              isReadme: document.body?.innerText.includes('architecture as code that tells you') ?? false,
            }))
            .catch(() => undefined);
          if (found?.isReadme && found.images.length >= readmeImages) ({ images, links } = found);
        }
        if (images.length >= readmeImages && images.every((i) => i.width > 0)) break;
        await page.waitForTimeout(250);
      }
      await page.screenshot({ path: screenshotPath('extension-details.png') });
      assert.equal(images.length, readmeImages, `the details page shows ${images.length} of the README's ${readmeImages} pictures`);
      for (const image of images) assert.ok(image.width > 0, `a picture did not load on the details page: ${image.src}…`);
      // The page can open only web links and in-page anchors; a relative link would do nothing.
      assert.deepEqual(
        links.filter((href) => !/^(https?:|mailto:|#)/.test(href)),
        [],
      );
    } finally {
      await page.close();
    }
  });

  test('the editor suite passes inside the extension host', async () => {
    const since = Date.now();
    const result = await runSuiteInWorkbench(server, browser.context, {
      extensionPath,
      testsPath,
      workspace: suiteFolder,
      timeoutMs: 240_000,
    });
    console.log(result.output.map((line) => `  | ${line}`).join('\n'));
    console.log(`[vscode] editor suite finished with ${result.exitCode} (${seconds(since)})`);
    assert.equal(result.exitCode, 0, `the editor suite failed; code-server log:\n${server.log().slice(-4000)}`);
  });

  test('a person sees squiggles and problems, and a quick fix from the light bulb removes one', async () => {
    const since = Date.now();
    const expected = checkWithCli(uiFolder);
    // The first file in seams check's order is also the first in the Problems panel, so its
    // rows are on screen without scrolling.
    const firstFile = expected[0]?.file ?? assert.fail('seams check found nothing in the examples');
    const first = expected.find((d) => d.file === firstFile && (d.severity === 'warning' || d.severity === 'error'));
    assert.ok(first, `${firstFile} has no warning or error to show`);
    const screenshot = screenshotPath('editor.png');

    const page = await browser.context.newPage();
    try {
      await openWorkbench(page, server.url, uiFolder);
      await quickOpen(page, firstFile);
      // Squiggles are drawn only on lines in view, so go to the first problem like a reader would.
      await goToLine(page, first.line, first.column);
      await page.locator(`.monaco-editor .squiggly-${first.severity}`).first().waitFor({ timeout: 60_000 });
      await waitForProblemCounts(page, countBySeverity(expected));

      const rows = await openProblemsPanel(page);
      assert.ok(
        rows.some((row) => row.includes(firstFile)),
        `the Problems panel has no row for ${firstFile}: ${rows.join(' / ')}`,
      );
      assert.ok(
        rows.some((row) => row.includes(first.message)),
        `the Problems panel does not show "${first.message}": ${rows.join(' / ')}`,
      );

      // The first problem whose light bulb offers a real fix (not only seams-ignore) gets it.
      // Only problems that overlap no other are tried, so the menu's fixes are theirs alone.
      let fixed: { diagnostic: JsonDiagnostic; title: string } | undefined;
      const alone = expected.filter((d) => expected.every((other) => other === d || other.file !== d.file || !overlap(d, other)));
      for (const diagnostic of alone) {
        await quickOpen(page, diagnostic.file);
        await goToLine(page, diagnostic.line, diagnostic.column);
        const title = (await openQuickFixMenu(page)).find((t) => !t.includes('seams-ignore'));
        if (!title) {
          await page.keyboard.press('Escape');
          continue;
        }
        mkdirSync(dirname(screenshot), { recursive: true });
        await page.screenshot({ path: screenshot });
        await chooseQuickFix(page, title);
        fixed = { diagnostic, title };
        break;
      }
      assert.ok(fixed, 'no problem in the examples offered a fix in the light bulb menu');

      // Saved, the fixed file checks clean of that problem on the command line too, and the
      // status bar agrees with the command line's new counts.
      await save(page);
      const after = checkWithCli(uiFolder);
      assert.ok(!after.some((d) => d.message === fixed.diagnostic.message), `"${fixed.title}" did not fix: ${fixed.diagnostic.message}`);
      assert.ok(after.length < expected.length, `"${fixed.title}" left ${after.length} problems of ${expected.length}`);
      await waitForProblemCounts(page, countBySeverity(after));
      console.log(`[vscode] UI: fixed ${fixed.diagnostic.code} in ${fixed.diagnostic.file} with "${fixed.title}" (${seconds(since)})`);
    } finally {
      await page.close();
    }
    assert.ok(existsSync(screenshot));
  });
});
