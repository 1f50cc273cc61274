// Loads the built preview webview in headless Debian Chromium (playwright-core),
// behind the real page and CSP from client/src/preview/preview-html.ts, with a
// stand-in for VS Code's `acquireVsCodeApi` that records what the webview posts.
import * as esbuild from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { previewHtml } from '../../client/src/preview/preview-html.js';
import type { HostToWebviewMessage, WebviewToHostMessage } from '../../server/src/protocol/preview-protocol.js';

import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.js';

export { CHROMIUM };
const ORIGIN = 'https://webview.test';
export const NONCE = 'dGVzdC1ub25jZS0xMjM0NTY3';

/** Why the suite cannot run here, or undefined. With CI set, a missing browser is a failure. */
export function missingPrerequisite(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const why = `${CHROMIUM} is not installed (apt-get install -y chromium)`;
  if (process.env.CI) throw new Error(why);
  console.log(`\n*** SKIP webview tests: ${why} ***\n`);
  return why;
}

/** Builds webview/src/main.ts the way esbuild.mjs does (browser IIFE), into a temp folder. */
export async function buildWebview(): Promise<{ js: string; css: string }> {
  const out = mkdtempSync(join(tmpdir(), 'seams-webview-'));
  try {
    await esbuild.build({
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      entryPoints: { webview: 'webview/src/main.ts' },
      outdir: out,
      logLevel: 'warning',
    });
    return { js: readFileSync(join(out, 'webview.js'), 'utf8'), css: readFileSync(join(out, 'webview.css'), 'utf8') };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export interface WebviewPage {
  page: Page;
  /** Messages the webview posted, oldest first. */
  posted(): Promise<WebviewToHostMessage[]>;
  /** Resolves with the first posted message (from `from` on) that satisfies `match`. */
  waitForPosted<T extends WebviewToHostMessage['type']>(type: T, from?: number): Promise<Extract<WebviewToHostMessage, { type: T }>>;
  send(message: HostToWebviewMessage | Record<string, unknown>): Promise<void>;
  /** CSP violations and page errors seen so far. */
  problems: string[];
}

/** Chromium with a fresh temporary profile, removed when it closes. */
export async function launchBrowser(): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'seams-chromium-'));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    viewport: { width: 1000, height: 700 },
    args: CHROMIUM_ARGS,
  });
  const close = browser.close.bind(browser);
  browser.close = async (...args) => {
    await close(...args);
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  };
  return browser;
}

export async function openWebview(
  browser: BrowserContext,
  bundle: { js: string; css: string },
  options: { state?: unknown; bodyClass?: string } = {},
): Promise<WebviewPage> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  // Nothing outside the stand-in origin is reachable: a request elsewhere fails and is recorded.
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === `${ORIGIN}/index.html`) {
      const html = previewHtml({
        cspSource: ORIGIN,
        scriptUri: `${ORIGIN}/dist/webview.js`,
        styleUri: `${ORIGIN}/dist/webview.css`,
        nonce: NONCE,
      });
      await route.fulfill({
        contentType: 'text/html',
        body: options.bodyClass ? html.replace('<body>', `<body class="${options.bodyClass}">`) : html,
      });
    } else if (url === `${ORIGIN}/dist/webview.js`) {
      await route.fulfill({ contentType: 'text/javascript', body: bundle.js });
    } else if (url === `${ORIGIN}/dist/webview.css`) {
      await route.fulfill({ contentType: 'text/css', body: bundle.css });
    } else {
      problems.push(`request: ${url}`);
      await route.abort();
    }
  });
  // A string, not a function: tsx compiles this file with esbuild's keepNames,
  // whose `__name` helper does not exist inside the page.
  await page.addInitScript(`
    globalThis.__name = globalThis.__name || ((f) => f);
    window.__posted = [];
    window.__state = ${JSON.stringify(options.state ?? null)} ?? undefined;
    window.acquireVsCodeApi = () => ({
      postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
      getState: () => window.__state,
      setState: (s) => { window.__state = s; },
    });
    document.addEventListener('securitypolicyviolation', (e) => {
      (window.__violations = window.__violations || []).push(e.violatedDirective + ' ' + e.blockedURI);
    });
  `);
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() =>
    ((window as unknown as { __posted: { type: string }[] }).__posted ?? []).some((m) => m.type === 'ready'),
  );

  const posted = (): Promise<WebviewToHostMessage[]> =>
    page.evaluate(() => (window as unknown as { __posted: WebviewToHostMessage[] }).__posted);
  return {
    page,
    problems,
    posted,
    async waitForPosted(type, from = 0) {
      const handle = await page.waitForFunction(
        ([t, f]) => (window as unknown as { __posted: { type: string }[] }).__posted.slice(f as number).find((m) => m.type === t),
        [type, from] as const,
      );
      return (await handle.jsonValue()) as never;
    },
    async send(message) {
      await page.evaluate((m) => window.postMessage(m, '*'), message);
    },
  };
}
