// The preview in a side pane (520 × 760): the toolbar stays one row, the legend
// never covers the picture, boxes stay visible in VS Code's dark theme, and the
// hover card lists every problem a service takes part in.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { sampleGraph } from './sample-graph.js';
import { buildWebview, launchBrowser, missingPrerequisite, openWebview, type WebviewPage } from './webview-page.js';

const skip = missingPrerequisite();

/** VS Code's Dark Modern values for the variables the preview reads (VS Code 1.100). */
const DARK_MODERN: Record<string, string> = {
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-editor-foreground': '#cccccc',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-editorWidget-background': '#202020',
  '--vscode-editorWidget-border': '#313131',
  '--vscode-panel-border': '#2b2b2b',
  '--vscode-sideBar-background': '#181818',
  '--vscode-editorInfo-foreground': '#3794ff',
  '--vscode-editorLineNumber-foreground': '#6e7681',
  '--vscode-textLink-foreground': '#4daafc',
};

type Rect = { x: number; y: number; width: number; height: number };
const rectOf = (p: Page, selector: string): Promise<Rect> => p.$eval(selector, (e) => e.getBoundingClientRect().toJSON() as Rect);
const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** WCAG contrast ratio of two computed colours: `rgb(…)` (0–255) or `color(srgb …)` (0–1, from color-mix). */
function contrast(a: string, b: string): number {
  const lum = (c: string): number => {
    const unit = c.startsWith('color(srgb') ? 1 : 255;
    const [r, g, bl] = (c.replace('color(srgb', '').match(/[\d.]+/g) ?? [])
      .slice(0, 3)
      .map(Number)
      .map((v) => {
        const s = v / unit;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('preview webview in a side pane', { skip }, () => {
  let browser: BrowserContext;
  let bundle: { js: string; css: string };

  before(async () => {
    bundle = await buildWebview();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  async function sidePane(width = 520, height = 760): Promise<WebviewPage> {
    const w = await openWebview(browser, bundle);
    await w.page.setViewportSize({ width, height });
    await w.send({ type: 'graph', graph: sampleGraph(), version: 1, activeNodeIds: [] });
    await w.page.waitForSelector('[data-id="service:orders"]');
    return w;
  }

  for (const width of [520, 360]) {
    it(`keeps the toolbar in one row at ${width} px, every control whole`, async () => {
      const w = await sidePane(width);
      const bar = await rectOf(w.page, '.toolbar');
      assert.ok(bar.height < 40, `one row: the toolbar is ${bar.height} px tall`);
      const children = await w.page.$$eval('.toolbar > *', (els) => els.map((e) => e.getBoundingClientRect().toJSON() as Rect));
      for (const c of children) {
        assert.ok(c.y >= bar.y && c.y + c.height <= bar.y + bar.height, 'inside the row');
        assert.ok(c.x >= bar.x && c.x + c.width <= bar.x + bar.width + 0.5, `not clipped: ${c.x + c.width} > ${bar.x + bar.width}`);
      }
      for (const id of ['search', 'focus', 'zoom-in', 'zoom-out', 'fit', 'more']) assert.ok(await w.page.isVisible(`#${id}`), id);
      // The rest is one click away, in the menu.
      assert.ok(await w.page.isHidden('#export-svg'));
      await w.page.click('#more');
      for (const id of ['view', 'stores', 'problems-only', 'focus-hops', 'clear-focus', 'actual-size', 'export-svg', 'export-png']) {
        assert.ok(await w.page.isVisible(`#${id}`), `${id} in the menu`);
      }
      const menu = await rectOf(w.page, '#more-menu');
      assert.ok(menu.x >= 0 && menu.x + menu.width <= width, 'the menu fits the pane');
      await w.page.click('svg.canvas', { position: { x: 5, y: 300 } });
      assert.ok(await w.page.isHidden('#more-menu'), 'a click elsewhere closes it');
      assert.deepEqual(w.problems, []);
      await w.page.close();
    });
  }

  it('docks the legend outside the picture, open or closed', async () => {
    const w = await sidePane();
    for (const open of [false, true]) {
      if (open) await w.page.click('.legend summary');
      const legend = await rectOf(w.page, '.legend');
      const canvas = await rectOf(w.page, 'svg.canvas');
      assert.ok(!overlaps(legend, canvas), `legend ${JSON.stringify(legend)} overlaps the picture ${JSON.stringify(canvas)}`);
      assert.ok(legend.y + legend.height <= 760 + 0.5, 'the legend stays on screen');
    }
    assert.ok(await w.page.isVisible('.legend li'));
    await w.page.close();
  });

  it('draws system boxes and services clearly in the Dark Modern theme', async () => {
    const w = await openWebview(browser, bundle, { bodyClass: 'vscode-dark' });
    await w.page.evaluate((vars) => {
      for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
    }, DARK_MODERN);
    const graph = sampleGraph();
    graph.nodes[0] = { ...graph.nodes[0]!, collapsed: true, memberCount: 3, width: 160, height: 60 };
    graph.nodes.splice(1);
    graph.edges = [];
    await w.send({ type: 'graph', graph, version: 1, activeNodeIds: [] });
    await w.page.waitForSelector('[data-id="group:system:shop"]');
    const c = await w.page.evaluate(() => {
      const shape = getComputedStyle(document.querySelector('[data-id="group:system:shop"] .shape')!);
      return { stroke: shape.stroke, fill: shape.fill, bg: getComputedStyle(document.body).backgroundColor };
    });
    assert.ok(contrast(c.stroke, c.bg) >= 3, `system box outline ${c.stroke} on ${c.bg}: ${contrast(c.stroke, c.bg).toFixed(2)}:1`);
    assert.ok(contrast(c.fill, c.bg) >= 1.15, `system box fill ${c.fill} stands apart from ${c.bg}`);
    await w.send({ type: 'graph', graph: sampleGraph(), version: 2, activeNodeIds: [] });
    await w.page.waitForSelector('[data-id="service:catalog"]');
    const s = await w.page.evaluate(() => ({
      node: getComputedStyle(document.querySelector('[data-id="service:catalog"] .shape')!).stroke,
      group: getComputedStyle(document.querySelector('[data-id="group:system:shop"] .shape')!).stroke,
      bg: getComputedStyle(document.body).backgroundColor,
    }));
    assert.ok(contrast(s.node, s.bg) >= 3, `service outline: ${contrast(s.node, s.bg).toFixed(2)}:1`);
    assert.ok(contrast(s.group, s.bg) >= 2.5, `system frame: ${contrast(s.group, s.bg).toFixed(2)}:1`);
    await w.page.close();
  });

  it('lists every problem of a service in its hover card, with runtime and libraries', async () => {
    const w = await openWebview(browser, bundle);
    const graph = sampleGraph();
    const catalog = graph.nodes.find((n) => n.id === 'service:catalog')!;
    catalog.problems = [
      { severity: 'error', code: 'sync-cycle', message: 'orders → catalog → orders is a synchronous cycle' },
      { severity: 'error', code: 'compliance-leak', message: 'services with different compliance tags share store payments-db' },
    ];
    catalog.severity = 'error';
    Object.assign(catalog.summary!, { runtime: 'jvm', libraries: ['auth-lib', 'http-kit'] });
    await w.send({ type: 'graph', graph, version: 1, activeNodeIds: [] });
    await w.page.waitForSelector('[data-id="service:catalog"]');
    await w.page.hover('[data-id="service:catalog"] .shape');
    await w.page.waitForSelector('.tooltip:not([hidden])');
    const items = await w.page.$$eval('.tooltip .tt-problems li', (els) => els.map((e) => e.textContent));
    assert.deepEqual(items, [
      'error orders → catalog → orders is a synchronous cycle sync-cycle',
      'error services with different compliance tags share store payments-db compliance-leak',
    ]);
    const text = (await w.page.textContent('.tooltip')) ?? '';
    assert.match(text, /runtime\s*jvm/);
    assert.match(text, /libraries\s*auth-lib, http-kit/);
    assert.doesNotMatch(text, /No problems/);
    await w.page.close();
  });
});
