// Driving the Seams preview in code-server: the window size that makes an editor group a
// side pane, opening the preview beside the source, finding the webview's frame.
import type { Frame, Page } from 'playwright-core';

/** The browser window: with the side bar closed, an editor group beside the source is about 520 × 760. */
export const WINDOW = { width: 1100, height: 860 };

/** The zoom in a `translate(x,y) scale(s)` transform. */
export function scaleOf(transform: string | null): number {
  const m = /scale\(([\d.]+)\)/.exec(transform ?? '');
  return m ? Number(m[1]) : 0;
}

/** F1, the command's title, Enter. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title.slice(title.indexOf(':') + 1).trim() }).waitFor();
  await page.keyboard.press('Enter');
}

/** The webview's content frame: the one (of the nested iframes) that holds the drawing. */
export async function previewFrame(page: Page, timeoutMs = 120_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      // A short bounded wait per frame: the condition, not a sleep, ends it.
      const found = await frame.waitForSelector('svg.canvas g.node[data-id]', { timeout: 250 }).catch(() => null);
      if (found) return frame;
    }
  }
  throw new Error('no webview frame with the Seams preview appeared');
}

/** With a .seams editor active: waits for its diagnostics, closes the side bar, opens the preview beside it. */
export async function openPreviewToSide(page: Page, beforeCommand?: () => void): Promise<Frame> {
  await page
    .locator(
      '.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info, .monaco-editor .squiggly-hint',
    )
    .first()
    .waitFor({ timeout: 120_000 })
    .catch(() => undefined);
  await page.keyboard.press('Control+B');
  await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
  await page.locator('.editor-actions [aria-label*="Open Preview to the Side"]').first().waitFor({ timeout: 60_000 });
  beforeCommand?.();
  await runCommand(page, 'Seams: Open Preview to the Side');
  await page.locator('.tabs-container .tab', { hasText: 'Seams Preview' }).waitFor({ timeout: 30_000 });
  return previewFrame(page);
}
