// The preview webview in headless Chromium: what it draws, what it posts back,
// and that hostile names and unknown messages do nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { DEFAULT_GRAPH_OPTIONS } from '../../server/src/core/layout/graph.js';
import { FILE, sampleGraph } from './sample-graph.js';
import { buildWebview, launchBrowser, missingPrerequisite, NONCE, openWebview, type WebviewPage } from './webview-page.js';

const skip = missingPrerequisite();

describe('preview webview', { skip }, () => {
  let browser: BrowserContext;
  let bundle: { js: string; css: string };

  before(async () => {
    bundle = await buildWebview();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  async function withGraph(): Promise<WebviewPage> {
    const w = await openWebview(browser, bundle);
    await w.send({ type: 'graph', graph: sampleGraph(), version: 1, activeNodeIds: ['service:orders'] });
    await w.page.waitForSelector('[data-id="service:orders"]');
    return w;
  }

  it('has a CSP with a nonce and says ready', async () => {
    const w = await openWebview(browser, bundle);
    const csp = await w.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(csp ?? '', /default-src 'none'/);
    assert.match(csp ?? '', new RegExp(`script-src 'nonce-${NONCE}'`));
    assert.equal(await w.page.getAttribute('script', 'nonce'), NONCE);
    const ready = (await w.posted())[0];
    assert.equal(ready?.type, 'ready');
    // It says how much room the picture has (the stage, less the fit margin), for the `auto` view.
    assert.ok(ready?.type === 'ready' && ready.pane && ready.pane.width > 900 && ready.pane.height > 500, JSON.stringify(ready));
    assert.deepEqual(w.problems, []);
    await w.page.close();
  });

  it('draws nodes, edges, labels, severity marks and badges', async () => {
    const w = await withGraph();
    const p = w.page;
    assert.equal(await p.locator('.node[data-kind="service"]').count(), 3);
    assert.equal(await p.locator('.node[data-kind="store"]').count(), 1);
    assert.equal(await p.locator('.node[data-kind="group"]').count(), 1);
    assert.equal(await p.locator('.edge').count(), 3);
    assert.equal(await p.locator('.edge.kind-subscription').count(), 1);
    assert.equal(await p.locator('.edge-label text').first().textContent(), 'catalog-api v2');
    const orders = p.locator('[data-id="service:orders"]');
    assert.match((await orders.getAttribute('class')) ?? '', /sev-error/);
    assert.match((await orders.getAttribute('class')) ?? '', /active-file/);
    assert.equal(await orders.locator('.badge text').textContent(), '2');
    assert.equal(await p.locator('.edge-label .badge.sev-warning text').textContent(), '1');
    // Subscriptions are dashed, calls solid: the computed style, not only a class.
    const dash = await p.$eval('.edge.kind-subscription .line', (e) => getComputedStyle(e).strokeDasharray);
    assert.notEqual(dash, 'none');
    assert.equal(await p.$eval('.edge.kind-call .line', (e) => getComputedStyle(e).strokeDasharray), 'none');
    assert.ok(await p.locator('.legend').count());
    assert.deepEqual(w.problems, []);
    await p.close();
  });

  it('takes its colours from the VS Code theme variables', async () => {
    const w = await withGraph();
    const colours = () =>
      w.page.evaluate(() => ({
        error: getComputedStyle(document.querySelector('[data-id="service:orders"] .shape')!).stroke,
        text: getComputedStyle(document.querySelector('[data-id="service:catalog"] text.label')!).fill,
      }));
    const before = await colours();
    // What VS Code does on a theme change: new values for its variables on <html>.
    await w.page.evaluate(() => {
      document.documentElement.style.setProperty('--vscode-editorError-foreground', 'rgb(1, 2, 3)');
      document.documentElement.style.setProperty('--vscode-editor-foreground', 'rgb(4, 5, 6)');
    });
    assert.deepEqual(await colours(), { error: 'rgb(1, 2, 3)', text: 'rgb(4, 5, 6)' });
    assert.notDeepEqual(before, await colours());
    await w.page.close();
  });

  it('reveals the declaration of a clicked node or edge', async () => {
    const w = await withGraph();
    const from = (await w.posted()).length;
    await w.page.click('[data-id="service:catalog"] .shape');
    const reveal = await w.waitForPosted('reveal', from);
    assert.deepEqual(reveal, { type: 'reveal', file: FILE, start: 70, end: 77 });
    const next = (await w.posted()).length;
    await w.page.click('.edge-label:has-text("order-placed v3")');
    assert.deepEqual(await w.waitForPosted('reveal', next), { type: 'reveal', file: FILE, start: 300, end: 330 });
    await w.page.close();
  });

  it('moves between nodes with the arrow keys and reveals with Enter', async () => {
    const w = await withGraph();
    await w.page.focus('[data-id="service:orders"]');
    await w.page.keyboard.press('ArrowRight');
    assert.equal(await w.page.evaluate(() => document.activeElement?.getAttribute('data-id')), 'service:catalog');
    await w.page.keyboard.press('ArrowDown');
    assert.equal(await w.page.evaluate(() => document.activeElement?.getAttribute('data-id')), 'service:shipping');
    const from = (await w.posted()).length;
    await w.page.keyboard.press('Enter');
    const reveal = await w.waitForPosted('reveal', from);
    assert.equal(reveal.start, 80);
    await w.page.close();
  });

  it('finds a service and centres it', async () => {
    const w = await withGraph();
    await w.page.fill('#search', 'shipp');
    await w.page.waitForFunction(() => document.querySelector('[data-id="service:shipping"]')?.classList.contains('selected'));
    const { node, canvas } = await w.page.evaluate(() => ({
      node: document.querySelector('[data-id="service:shipping"] .shape')!.getBoundingClientRect().toJSON(),
      canvas: document.querySelector('svg.canvas')!.getBoundingClientRect().toJSON(),
    }));
    assert.ok(Math.abs(node.x + node.width / 2 - (canvas.x + canvas.width / 2)) < 2, 'centred horizontally');
    assert.ok(Math.abs(node.y + node.height / 2 - (canvas.y + canvas.height / 2)) < 2, 'centred vertically');
    assert.equal(await w.page.textContent('.search-info'), '1 of 1');
    // Not in the picture: the host is asked (it searches every view); nothing anywhere says so.
    const from = (await w.posted()).length;
    await w.page.fill('#search', 'nothing-like-this');
    assert.deepEqual(await w.waitForPosted('find', from), { type: 'find', text: 'nothing-like-this' });
    await w.send({ type: 'found', text: 'nothing-like-this', matches: [] });
    await w.page.waitForFunction(() => document.querySelector('.search-info')?.textContent === 'no match');
    await w.page.close();
  });

  it('posts setOptions for every toggle', async () => {
    const w = await withGraph();
    const last = async () => {
      const all = await w.posted();
      const m = all.filter((x) => x.type === 'setOptions').at(-1);
      assert.ok(m && m.type === 'setOptions');
      return m;
    };
    await w.page.click('#more');
    await w.page.uncheck('#stores');
    assert.equal((await last()).options.showStores, false);
    await w.page.check('#problems-only');
    assert.equal((await last()).options.problemsOnly, true);
    await w.page.keyboard.press('Escape');
    assert.equal(await w.page.isHidden('#more-menu'), true, 'Escape closes the menu');
    await w.page.click('[data-toggle="group:system:shop"]');
    const collapsed = await last();
    assert.deepEqual(collapsed.options.collapsed, ['group:system:shop']);
    assert.equal(collapsed.autoCollapse, false);
    await w.page.click('[data-id="service:orders"] .shape');
    await w.page.click('#more');
    await w.page.fill('#focus-hops', '2');
    // Focus opens the selected service's own view, with the hops asked for.
    let from = (await w.posted()).length;
    await w.page.click('#focus');
    assert.deepEqual((await w.waitForPosted('openView', from)).view, { kind: 'service', name: 'orders', hops: 2 });
    // Leaving focus outside a service view goes back to the view that fits the pane.
    from = (await w.posted()).length;
    await w.page.click('#more');
    await w.page.click('#clear-focus');
    assert.deepEqual((await w.waitForPosted('openView', from)).view, { kind: 'auto' });
    // The webview keeps its choices for a reload.
    const state = await w.page.evaluate(() => (window as unknown as { __state: { options: { showStores: boolean } } }).__state);
    assert.equal(state.options.showStores, false);
    await w.page.close();
  });

  it('keeps zoom and pan across updates', async () => {
    const w = await withGraph();
    const transform = () => w.page.getAttribute('g.viewport', 'transform');
    await w.page.click('#zoom-in');
    await w.page.mouse.move(500, 400);
    await w.page.mouse.down();
    await w.page.mouse.move(560, 430, { steps: 4 });
    await w.page.mouse.up();
    const before = await transform();
    await w.send({ type: 'graph', graph: sampleGraph({ orders: 'orders-renamed' }), version: 2, activeNodeIds: [] });
    await w.page.waitForSelector('text.label >> text=orders-renamed');
    assert.equal(await transform(), before);
    await w.page.click('#more');
    await w.page.click('#actual-size');
    assert.match((await transform()) ?? '', /scale\(1\.0000\)/);
    await w.page.close();
  });

  it('restores the saved view and options after a reload', async () => {
    const state = { options: { ...DEFAULT_GRAPH_OPTIONS, grouping: 'team' }, autoCollapse: false, view: { x: 12, y: 34, scale: 0.5 } };
    const w = await openWebview(browser, bundle, { state });
    await w.send({ type: 'graph', graph: sampleGraph(), version: 1, activeNodeIds: [] });
    await w.page.waitForSelector('[data-id="service:orders"]');
    assert.equal(await w.page.getAttribute('g.viewport', 'transform'), 'translate(12.00,34.00) scale(0.5000)');
    await w.page.close();
  });

  it('highlights the node under the editor cursor', async () => {
    const w = await withGraph();
    // Innermost first: the first id that is drawn is marked, and only that one.
    await w.send({ type: 'highlight', ids: ['call:not-drawn', 'service:shipping', 'group:system:shop'] });
    await w.page.waitForSelector('[data-id="service:shipping"].cursor');
    assert.equal(await w.page.locator('.cursor').count(), 1);
    await w.send({ type: 'highlight', ids: [] });
    await w.page.waitForSelector('.cursor', { state: 'detached' });
    await w.page.close();
  });

  it('shows problems and a summary on hover', async () => {
    const w = await withGraph();
    await w.page.hover('[data-id="service:orders"] .shape');
    await w.page.waitForSelector('.tooltip:not([hidden])');
    const text = (await w.page.textContent('.tooltip')) ?? '';
    assert.match(text, /orders and catalog call each other/);
    assert.match(text, /missing-owner/);
    assert.match(text, /owner\s*orders-team/);
    assert.match(text, /api orders-api v1/);
    await w.page.close();
  });

  it('draws hostile names as text and runs nothing', async () => {
    const w = await openWebview(browser, bundle);
    let dialogs = 0;
    w.page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const evil = ['<img src=x onerror=alert(1)>', '"><script>window.__pwned=1</script>', "'><svg onload=window.__pwned=2>"];
    const graph = sampleGraph({ orders: evil[0] });
    graph.nodes[2]!.label = evil[1]!;
    graph.nodes[2]!.summary!.owner = evil[2];
    graph.edges[0]!.label = evil[1];
    graph.edges[0]!.problems[0]!.message = evil[0]!;
    await w.send({ type: 'graph', graph, version: 1, activeNodeIds: [] });
    await w.page.waitForSelector('[data-id="service:orders"]');
    await w.page.hover('[data-id="service:orders"] .shape');
    await w.page.hover('[data-id="service:catalog"] .shape');
    await w.page.hover('.edge-label');
    await w.page.fill('#search', evil[1]!);
    const labels = await w.page.$$eval('text.label', (els) => els.map((e) => e.textContent));
    assert.ok(labels.includes(evil[0]!) && labels.includes(evil[1]!), 'the names are shown as written');
    assert.equal(await w.page.locator('img').count(), 0);
    assert.equal(await w.page.locator('script').count(), 1, 'only the nonce script');
    assert.equal(await w.page.locator('svg svg').count(), 0);
    assert.equal(await w.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(dialogs, 0);
    assert.deepEqual(w.problems, []);
    await w.page.close();
  });

  it('exports the renderSvg picture as SVG and PNG', async () => {
    const w = await openWebview(browser, bundle, { bodyClass: 'vscode-dark' });
    await w.send({ type: 'graph', graph: sampleGraph({ orders: 'a<b' }), version: 1, activeNodeIds: [] });
    await w.page.waitForSelector('[data-id="service:orders"]');
    let from = (await w.posted()).length;
    await w.page.click('#more');
    await w.page.click('#export-svg');
    const svg = await w.waitForPosted('export', from);
    assert.equal(svg.format, 'svg');
    assert.match(svg.data, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg.data, /theme-dark/);
    assert.match(svg.data, />a&lt;b</);
    from = (await w.posted()).length;
    await w.send({ type: 'exportRequest', format: 'png' });
    const png = await w.waitForPosted('export', from);
    assert.equal(png.format, 'png');
    assert.deepEqual([...Buffer.from(png.data, 'base64').subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.deepEqual(w.problems, []);
    await w.page.close();
  });

  it('ignores unknown and malformed messages', async () => {
    const w = await openWebview(browser, bundle);
    const bad = sampleGraph();
    (bad.nodes[1] as unknown as Record<string, unknown>).x = '<b>';
    await w.send({ type: 'evil', html: '<img src=x onerror=alert(1)>' });
    await w.send({ type: 'graph', graph: bad, version: 1, activeNodeIds: [] });
    await w.send({ type: 'graph', graph: 'not a graph', version: 1, activeNodeIds: [] });
    await w.send({ type: 'highlight', ids: 'service:orders' });
    await w.send({ type: 'status', text: 42 });
    // A good message after the bad ones is the first thing drawn.
    await w.send({ type: 'status', text: 'still here' });
    await w.page.waitForFunction(() => document.querySelector('.status')?.textContent === 'still here');
    assert.equal(await w.page.locator('.node').count(), 0);
    assert.deepEqual(w.problems, []);
    await w.page.close();
  });
});
