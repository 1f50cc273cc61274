/**
 * The pull-request comment and the diff picture as a reviewer sees them:
 * the Markdown report rendered like GitHub does (markdown-it with HTML, the
 * ```mermaid block drawn by Mermaid itself) and the diff SVG, both in headless
 * Debian Chromium, with screenshots saved (test-results/, or docs/images/ with
 * SEAMS_UPDATE_SCREENSHOTS=1) for a person to look at.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { buildCli, ROOT, runCli } from '../cli/cli-harness.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.js';
import { screenshotPath } from '../helpers/screenshot-path.js';
import { gitRepo, type GitRepo } from './git-repo.js';

const MARKDOWN_IT = join(ROOT, 'node_modules', 'markdown-it', 'dist', 'markdown-it.min.js');
const MERMAID = join(ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');

function missing(): string | undefined {
  const why = [CHROMIUM, MARKDOWN_IT, MERMAID]
    .filter((p) => !existsSync(p))
    .map((p) => `${p} is missing`)
    .join('; ');
  if (!why) return undefined;
  if (process.env.CI) throw new Error(why);
  console.log(`\n*** SKIP report rendering: ${why} ***\n`);
  return why;
}
const skip = missing();

// Close to GitHub's comment styles: enough that tables, code and the chart look as they will.
const CSS = `
body { margin: 0; background: #f6f8fa; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
.comment { width: 880px; margin: 16px; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
.comment header { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0; color: #59636e; }
.comment header b { color: #1f2328; }
.markdown-body { padding: 16px; }
.markdown-body h3 { font-size: 1.25em; margin: 0 0 16px; }
.markdown-body h4 { font-size: 1em; margin: 24px 0 8px; }
.markdown-body table { border-collapse: collapse; display: block; overflow: auto; margin-bottom: 16px; }
.markdown-body th, .markdown-body td { border: 1px solid #d1d9e0; padding: 6px 13px; }
.markdown-body tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body code { background: rgba(129,139,152,0.12); border-radius: 6px; padding: 0.2em 0.4em; font: 85% ui-monospace, SFMono-Regular, Menlo, monospace; }
.markdown-body a { color: #0969da; text-decoration: none; }
.markdown-body sub { color: #59636e; }
.markdown-body pre.mermaid { background: #fff; text-align: center; margin: 0 0 8px; }
`;

let browser: Browser | undefined;
const repos: GitRepo[] = [];

before(async () => {
  if (skip) return;
  buildCli();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  repos.forEach((r) => r.dispose());
});

const BASE = `team shop-team {
  oncall "#shop"
}

system shop "Online shop" {
  defaults {
    timeout 2s
    circuit-breaker
  }
  service catalog "Product catalog" {
    owner shop-team
    tier internal
    store catalog-db postgres
    api catalog-api v1 v2 rest
    event product-changed v1
  }
  service orders {
    owner shop-team
    tier user-facing
    slo latency p99 800ms
    api orders-api v1 grpc
    event order-placed v3
    calls catalog.catalog-api v2 {
      timeout 300ms
      retry 2
    }
    calls payments.charge v1
  }
  service payments {
    owner shop-team
    tier internal
    api charge v1
  }
  service shipping {
    owner shop-team
    tier background
    subscribes orders.order-placed v3
  }
  service legacy-export {
    owner shop-team
    tier background
    subscribes catalog.product-changed v1
  }
}
`;

const PR = BASE.replace(/ {2}service legacy-export \{[\s\S]*?\n {2}\}\n/, '')
  .replace('retry 2\n', 'retry 2 backoff exponential\n')
  .replace('calls payments.charge v1', 'calls payments.charge v2')
  .replace('api charge v1', 'api charge v1 v2')
  .replace(
    '  service shipping {',
    '  service search "Search" {\n    owner shop-team\n    tier internal\n    api search-api v1 rest\n    subscribes catalog.product-changed v1\n    calls shipping.tracking\n  }\n  service shipping {',
  )
  .replace(
    'tier background\n    subscribes orders.order-placed v3',
    'tier background\n    api tracking v1 rest\n    subscribes orders.order-placed v3',
  );

test('the PR comment renders: the Mermaid chart draws with its colours, the tables and links read', { skip }, async () => {
  const r = gitRepo({ 'architecture/shop.seams': BASE });
  repos.push(r);
  r.commit('base');
  r.git('checkout', '-q', '-b', 'search');
  r.write({ 'architecture/shop.seams': PR });
  const head = r.commit('Add search; payments v2');
  const env = { GITHUB_ACTIONS: 'true', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/shop', SEAMS_HEAD_SHA: head };
  const run = runCli(['diff', 'main...', 'architecture', '--format', 'markdown', '-o', 'diff.svg'], { cwd: r.dir, env });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);

  const page = await browser!.newPage({ viewport: { width: 912, height: 800 }, deviceScaleFactor: 1 });
  try {
    await page.setContent(
      `<!doctype html><html><head><style>${CSS}</style></head><body><div class="comment"><header><b>github-actions</b> bot commented</header><div class="markdown-body" id="body"></div></div></body></html>`,
    );
    await page.addScriptTag({ path: MARKDOWN_IT });
    await page.addScriptTag({ path: MERMAID });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.evaluate(async (markdown) => {
      const w = window as unknown as {
        markdownit(o: object): { render(s: string): string };
        mermaid: { initialize(o: object): void; run(o: object): Promise<void> };
      };
      const body = document.getElementById('body')!;
      body.innerHTML = w.markdownit({ html: true, linkify: false }).render(markdown);
      // GitHub turns ```mermaid blocks into charts; do the same.
      for (const code of [...body.querySelectorAll('code.language-mermaid')]) {
        const pre = document.createElement('pre');
        pre.className = 'mermaid';
        pre.textContent = code.textContent;
        code.parentElement!.replaceWith(pre);
      }
      w.mermaid.initialize({ startOnLoad: false, theme: 'default' });
      await w.mermaid.run({ querySelector: 'pre.mermaid' });
    }, run.stdout);
    assert.deepEqual(problems, []);
    const chart = page.locator('pre.mermaid svg');
    assert.equal(await chart.count(), 1, 'Mermaid drew the chart');
    assert.doesNotMatch((await page.locator('pre.mermaid').textContent()) ?? '', /Syntax error/);
    // Styled apart: the added service is green, the removed one red and dashed.
    const fill = (label: string) =>
      page.evaluate((text) => {
        const node = [...document.querySelectorAll('pre.mermaid svg g.node')].find((g) => g.textContent?.trim() === text);
        const shape = node?.querySelector('rect, path, polygon') as SVGElement | null;
        return shape ? { fill: getComputedStyle(shape).fill, dash: getComputedStyle(shape).strokeDasharray } : undefined;
      }, label);
    assert.deepEqual((await fill('search'))?.fill, 'rgb(218, 251, 225)');
    assert.equal((await fill('legacy-export'))?.fill, 'rgb(255, 235, 233)');
    assert.notEqual((await fill('legacy-export'))?.dash, 'none');
    // Places are links to the head commit.
    const links = await page.locator('#body a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    assert.ok(
      links.some((h) => h.startsWith(`https://github.com/acme/shop/blob/${head}/architecture/shop.seams#L`)),
      links.join('\n'),
    );
    const height = await page.locator('.comment').evaluate((e) => e.getBoundingClientRect().height);
    await page.setViewportSize({ width: 912, height: Math.ceil(height) + 32 });
    await page.locator('.comment').screenshot({ path: screenshotPath('review-pr-comment.png') });

    // The diff picture, as an image viewer or the artifact download shows it.
    const svg = readFileSync(join(r.dir, 'diff.svg'), 'utf8');
    await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${svg}</body></html>`);
    const box = (await page.locator('svg').first().boundingBox())!;
    await page.setViewportSize({ width: Math.ceil(box.width), height: Math.ceil(box.height) });
    await page.screenshot({ path: screenshotPath('review-diff-picture.png') });
  } finally {
    await page.close();
  }
});
