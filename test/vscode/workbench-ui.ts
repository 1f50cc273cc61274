// Drives the VS Code workbench in the browser as a person would: keyboard shortcuts, the
// quick-open box, the Problems panel and the quick-fix menu. Waits on what the screen shows.
import type { Page } from 'playwright-core';

/** Opens the workbench on `folder` and waits until it is ready for keys. */
export async function openWorkbench(page: Page, serverUrl: string, folder: string): Promise<void> {
  await page.goto(`${serverUrl}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
  // The explorer lists the folder once the workspace is loaded; keys typed before that are lost.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

/** Ctrl+P, type the file's name, Enter; resolves when its editor tab is active. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(fileName);
  // The first result is the best match; wait until it is the file we asked for.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label*="${fileName}"]`).waitFor();
}

/** Ctrl+G and `line:column` (1-based) puts the cursor there. */
export async function goToLine(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  // Ctrl+G is quick-open with the ':' prefix already typed; filling replaces it, so keep it.
  await input.fill(`:${line}:${column}`);
  // Enter only acts once the go-to-line picker has read the value and offers its item;
  // on a busy machine the key can arrive first, so wait for the item, and press again
  // while the widget stays open.
  const widget = page.locator('.quick-input-widget');
  await widget
    .locator('.monaco-list-row', { hasText: String(line) })
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => {});
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Enter');
    try {
      await widget.waitFor({ state: 'hidden', timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * Waits until the status bar's problem counts are these. They are read from its accessible
 * label, "Errors: 2, Warnings: 19, Infos: 5" (a count of zero may be left out).
 */
export async function waitForProblemCounts(page: Page, counts: ProblemCounts): Promise<void> {
  await page
    .waitForFunction(
      ({ errors, warnings, infos }) => {
        const label = document.querySelector('[id="status.problems"]')?.getAttribute('aria-label') ?? '';
        // No named helper functions in here: tsx would wrap them in a `__name` the page lacks.
        const shownErrors = Number(/errors?:\s*(\d+)/i.exec(label)?.[1] ?? 0);
        const shownWarnings = Number(/warnings?:\s*(\d+)/i.exec(label)?.[1] ?? 0);
        const shownInfos = Number(/infos?:\s*(\d+)/i.exec(label)?.[1] ?? 0);
        return shownErrors === errors && shownWarnings === warnings && shownInfos === infos;
      },
      counts,
      { timeout: 30_000 },
    )
    .catch(async (error: Error) => {
      const label = await page.locator('[id="status.problems"]').first().getAttribute('aria-label');
      throw new Error(`the status bar shows "${label}", expected ${JSON.stringify(counts)}: ${error.message}`);
    });
}

/** Ctrl+S, resolving once the active tab no longer shows unsaved changes. */
export async function save(page: Page): Promise<void> {
  await page.keyboard.press('Control+S');
  await page.locator('.tabs-container .tab.active:not(.dirty)').waitFor();
}

/** Ctrl+Shift+M; resolves with the visible rows' text once the panel lists something. */
export async function openProblemsPanel(page: Page): Promise<string[]> {
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.first().waitFor();
  return rows.allInnerTexts();
}

/**
 * Ctrl+. at the cursor; resolves with the titles in the quick-fix menu, or with none when
 * VS Code says "No code actions available" (that message closes by itself).
 */
export async function openQuickFixMenu(page: Page): Promise<string[]> {
  await page.keyboard.press('Control+.');
  const items = page.locator('.action-widget .monaco-list-row.action');
  const nothing = page.locator('.monaco-editor-overlaymessage', { hasText: 'No code actions' });
  await items.first().or(nothing).waitFor();
  if (await nothing.isVisible()) return [];
  return (await items.allInnerTexts()).map((t) => t.trim());
}

/** Moves the menu's focus to `title` with the arrow keys and applies it with Enter, as a person would. */
export async function chooseQuickFix(page: Page, title: string): Promise<void> {
  const items = page.locator('.action-widget .monaco-list-row.action');
  const count = await items.count();
  for (let step = 0; step < count; step++) {
    const focused = (await page.locator('.action-widget .monaco-list-row.action.focused').innerText()).trim();
    if (focused === title) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.locator('.action-widget .monaco-list-row.action.focused', { hasText: title }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.action-widget').waitFor({ state: 'hidden' });
}
