// Moving between views in the preview webview (headless Chromium): double-click
// a system box, click a compact outside box, the breadcrumb, search across
// views, the size report for `auto`, and a new view fitted while the same view
// keeps its pan and zoom.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { backGraph, FILE, landscapeGraph, systemGraph } from './sample-graph.js';
import { buildWebview, launchBrowser, missingPrerequisite, openWebview, type WebviewPage } from './webview-page.js';

const skip = missingPrerequisite();

describe('preview webview: views', { skip }, () => {
  let browser: BrowserContext;
  let bundle: { js: string; css: string };

  before(async () => {
    bundle = await buildWebview();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  async function showing(graph = landscapeGraph(), version = 1): Promise<WebviewPage> {
    const w = await openWebview(browser, bundle);
    await w.page.setViewportSize({ width: 520, height: 760 });
    await w.send({ type: 'graph', graph, version, activeNodeIds: [] });
    await w.page.waitForSelector(`[data-id="${graph.nodes[0]!.id}"]`);
    return w;
  }

  const types = async (w: WebviewPage, from: number): Promise<string[]> => (await w.posted()).slice(from).map((m) => m.type);

  it('opens a system on double-click, without jumping to its source', async () => {
    const w = await showing();
    const from = (await w.posted()).length;
    await w.page.dblclick('[data-id="group:system:shop"] .shape');
    assert.deepEqual((await w.waitForPosted('openView', from)).view, { kind: 'system', name: 'shop' });
    await w.page.waitForTimeout(400); // longer than the double-click wait: the single click must stay cancelled
    assert.ok(!(await types(w, from)).includes('reveal'), 'a double-click opens the view only');
    // Kept for a reload, so the panel comes back on the same view.
    const state = await w.page.evaluate(() => (window as unknown as { __state: { picture: unknown } }).__state);
    assert.deepEqual(state.picture, { kind: 'system', name: 'shop' });
    // The system arrives: its frame has the box's id, yet nothing is selected and no hover card stays up.
    await w.send({ type: 'graph', graph: systemGraph(), version: 2, activeNodeIds: [] });
    await w.page.waitForSelector('.crumbs .here:has-text("shop")');
    assert.equal(await w.page.locator('.selected').count(), 0);
    assert.ok(await w.page.isHidden('.tooltip'));
    await w.page.close();
  });

  it('reveals a system box on a single click, and opens it with its ↗ button or the o key', async () => {
    const w = await showing();
    let from = (await w.posted()).length;
    await w.page.click('[data-id="group:system:back"] .shape');
    assert.deepEqual(await w.waitForPosted('reveal', from), { type: 'reveal', file: FILE, start: 400, end: 404 });
    assert.ok(!(await types(w, from)).includes('openView'));
    assert.equal(await w.page.locator('[data-open-view]').count(), 0, 'a collapsed box has no room for the button');
    from = (await w.posted()).length;
    await w.page.focus('[data-id="group:system:shop"]');
    await w.page.keyboard.press('o');
    assert.deepEqual((await w.waitForPosted('openView', from)).view, { kind: 'system', name: 'shop' });
    // A frame (here: back, around an outside box) carries the button.
    await w.send({ type: 'graph', graph: systemGraph(), version: 2, activeNodeIds: [] });
    await w.page.waitForSelector('[data-open-view="group:system:back"]');
    from = (await w.posted()).length;
    await w.page.click('[data-open-view="group:system:back"]');
    assert.deepEqual((await w.waitForPosted('openView', from)).view, { kind: 'system', name: 'back' });
    await w.page.close();
  });

  it('shows the breadcrumb and goes back up with it', async () => {
    const w = await showing(systemGraph());
    const crumbs = await w.page.$$eval('.crumbs > *', (els) => els.map((e) => e.textContent));
    assert.deepEqual(crumbs, ['Landscape', '›', 'shop']);
    assert.equal(await w.page.getAttribute('.crumbs .here', 'aria-current'), 'page');
    // The breadcrumb takes one slim row under the toolbar.
    const bar = await w.page.$eval('.crumbs', (e) => e.getBoundingClientRect().height);
    assert.ok(bar < 30, `${bar}px`);
    const from = (await w.posted()).length;
    await w.page.click('.crumbs button:has-text("Landscape")');
    assert.deepEqual((await w.waitForPosted('openView', from)).view, { kind: 'landscape' });
    await w.page.close();
  });

  it('goes to the system of a compact outside box on click, and selects the service there', async () => {
    const w = await showing(systemGraph());
    assert.equal(await w.page.locator('.node.kind-external').count(), 1);
    const from = (await w.posted()).length;
    await w.page.click('[data-id="service:billing"] .shape');
    assert.deepEqual((await w.waitForPosted('openView', from)).view, { kind: 'system', name: 'back' });
    await w.send({ type: 'graph', graph: backGraph(), version: 2, activeNodeIds: [] });
    await w.page.waitForSelector('[data-id="service:billing"].selected');
    assert.equal(await w.page.textContent('.crumbs .here'), 'back');
    await w.page.close();
  });

  it('fits a new view, keeps pan and zoom when the same view comes again', async () => {
    const w = await showing(systemGraph());
    const transform = () => w.page.getAttribute('g.viewport', 'transform');
    await w.page.click('#zoom-in');
    const zoomed = await transform();
    await w.send({ type: 'graph', graph: systemGraph(), version: 2, activeNodeIds: [] });
    await w.page.waitForFunction(() => document.querySelector('svg.canvas')?.getAttribute('data-version'));
    assert.equal(await transform(), zoomed, 'typing: same view, same place');
    await w.send({ type: 'graph', graph: landscapeGraph(), version: 3, activeNodeIds: [] });
    await w.page.waitForSelector('.crumbs .here:has-text("Landscape")');
    assert.notEqual(await transform(), zoomed, 'another view is fitted');
    // landscapeGraph is 420 wide: fitted, it is drawn at 100% (never enlarged), centred.
    assert.match((await transform()) ?? '', /scale\(1\.0000\)/);
    await w.page.close();
  });

  it('finds a service in another view and opens that view on Enter', async () => {
    const w = await showing();
    const from = (await w.posted()).length;
    await w.page.fill('#search', 'Billing');
    assert.deepEqual(await w.waitForPosted('find', from), { type: 'find', text: 'billing' });
    await w.send({
      type: 'found',
      text: 'billing',
      matches: [{ id: 'service:billing', label: 'billing', view: { kind: 'system', name: 'back' } }],
    });
    await w.page.waitForFunction(() => document.querySelector('.search-info')?.textContent === 'in system:back ↵');
    const next = (await w.posted()).length;
    await w.page.press('#search', 'Enter');
    assert.deepEqual((await w.waitForPosted('openView', next)).view, { kind: 'system', name: 'back' });
    await w.send({ type: 'graph', graph: backGraph(), version: 2, activeNodeIds: [] });
    await w.page.waitForSelector('[data-id="service:billing"].selected');
    await w.page.close();
  });

  it('reports the drawing area size after the pane is resized', async () => {
    const w = await showing();
    const ready = (await w.posted()).find((m) => m.type === 'ready');
    assert.ok(ready?.type === 'ready' && ready.pane);
    assert.equal(ready.pane.width, 1000 - 32, 'the page opened 1000 px wide (launchBrowser), less the fit margins');
    const from = (await w.posted()).length;
    await w.page.setViewportSize({ width: 1200, height: 760 });
    const resize = await w.waitForPosted('resize', from);
    assert.equal(resize.pane.width, 1200 - 32);
    assert.ok(resize.pane.height > 600 && resize.pane.height < 760, `${resize.pane.height}: the stage, under the toolbar`);
    await w.page.close();
  });

  it('says so when the view it shows is gone from the model', async () => {
    const empty = { ...systemGraph(), nodes: [], edges: [], width: 0, height: 0 };
    const w = await openWebview(browser, bundle);
    await w.send({ type: 'graph', graph: empty, version: 1, activeNodeIds: [] });
    await w.page.waitForFunction(() => /system shop is not in the model/.test(document.querySelector('.status')?.textContent ?? ''));
    assert.ok(await w.page.isVisible('.crumbs button:has-text("Landscape")'));
    await w.page.close();
  });
});
