// The preview webview showing a diff picture ("Compare with…", headless Chromium): the
// banner names the revision and its commit and counts the change, a hostile revision name
// is text, its buttons ask the host for another revision or the live view, the picture is
// marked (added, removed, changed, the rest muted) without collapse buttons, and a live
// picture hides the banner again.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import type { CompareSummary } from '../../server/src/protocol/preview-protocol.js';
import { sampleGraph } from './sample-graph.js';
import { buildWebview, launchBrowser, missingPrerequisite, openWebview } from './webview-page.js';

const skip = missingPrerequisite();

function diffPicture() {
  const graph = sampleGraph();
  const mark = (id: string, change: 'added' | 'removed' | 'changed') => {
    const node = graph.nodes.find((n) => n.id === id)!;
    node.change = change;
    if (change === 'removed') node.source = undefined;
  };
  mark('service:catalog', 'added');
  mark('service:shipping', 'removed');
  mark('service:orders', 'changed');
  return graph;
}

const summary: CompareSummary = {
  base: 'main',
  commit: '0123456789abcdef0123456789abcdef01234567',
  added: 1,
  removed: 1,
  changed: 1,
  newFindings: 2,
  fixedFindings: 0,
  scope: 'whole',
};

describe('preview webview: a diff picture', { skip }, () => {
  let browser: BrowserContext;
  let bundle: { js: string; css: string };

  before(async () => {
    bundle = await buildWebview();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('shows the banner with the revision, its commit and the counts, and its buttons ask the host', async () => {
    const w = await openWebview(browser, bundle);
    await w.page.setViewportSize({ width: 520, height: 760 });
    await w.send({ type: 'graph', graph: sampleGraph(), version: 1, activeNodeIds: [] });
    await w.page.waitForSelector('[data-id="service:orders"]');
    assert.ok(await w.page.isHidden('.compare-bar'), 'no banner over the live picture');

    await w.send({ type: 'graph', graph: diffPicture(), version: 1, activeNodeIds: [], compare: summary });
    await w.page.waitForSelector('.compare-bar:not([hidden])');
    assert.equal(await w.page.textContent('.compare-title'), 'Compared with main (0123456)');
    assert.equal(await w.page.textContent('.compare-counts'), '1 added1 removed1 changed2 new findings, 0 fixed');
    assert.ok(await w.page.isVisible('g.node.change-added[data-id="service:catalog"]'));
    assert.ok(await w.page.isVisible('g.node.change-removed[data-id="service:shipping"]'));
    assert.ok(await w.page.isVisible('g.node.change-changed[data-id="service:orders"]'));
    assert.ok((await w.page.locator('g.edge.muted').count()) > 0, 'unchanged lines are muted');
    assert.equal(await w.page.locator('[data-toggle], [data-open-view]').count(), 0, 'no collapse or open buttons in a diff');
    // The change colours come from the picture's own style sheet.
    const stroke = await w.page.$eval('g.node.change-added .shape', (el) => getComputedStyle(el).stroke);
    assert.equal(stroke, 'rgb(26, 127, 55)');
    // The banner fits the side pane.
    const stop = await w.page.locator('#compare-stop').boundingBox();
    assert.ok(stop && stop.x + stop.width <= 520, `Live view at ${JSON.stringify(stop)}`);

    let from = (await w.posted()).length;
    await w.page.click('#compare-stop');
    assert.deepEqual(await w.waitForPosted('stopCompare', from), { type: 'stopCompare' });
    from = (await w.posted()).length;
    await w.page.click('#compare-change');
    assert.deepEqual(await w.waitForPosted('compare', from), { type: 'compare' });
    from = (await w.posted()).length;
    await w.page.click('#more');
    await w.page.click('#compare-with');
    assert.deepEqual(await w.waitForPosted('compare', from), { type: 'compare' });

    // A removed box has nowhere to go: clicking it reveals nothing.
    from = (await w.posted()).length;
    await w.page.click('[data-id="service:shipping"] .shape');
    await w.page.click('[data-id="service:catalog"] .shape');
    await w.waitForPosted('reveal', from);
    assert.equal((await w.posted()).slice(from).filter((m) => m.type === 'reveal').length, 1);

    // Back to the live picture: the banner goes.
    await w.send({ type: 'graph', graph: sampleGraph(), version: 2, activeNodeIds: [] });
    await w.page.waitForSelector('.compare-bar', { state: 'hidden' });
    assert.equal(await w.page.locator('g.muted, g[class*="change-"]').count(), 0);
    assert.deepEqual(w.problems, []);
    await w.page.close();
  });

  it('writes a hostile revision name as text, and says when nothing changed or only the neighbourhood is drawn', async () => {
    const w = await openWebview(browser, bundle);
    await w.page.setViewportSize({ width: 520, height: 760 });
    const hostile = '<img src=x onerror=alert(1)>';
    await w.send({
      type: 'graph',
      graph: sampleGraph(),
      version: 1,
      activeNodeIds: [],
      compare: { ...summary, base: hostile, added: 0, removed: 0, changed: 0, newFindings: 0, scope: 'changes' },
    });
    await w.page.waitForSelector('.compare-bar:not([hidden])');
    assert.equal(await w.page.textContent('.compare-title'), `Compared with ${hostile} (0123456)`);
    assert.equal(await w.page.locator('.compare-bar img').count(), 0);
    const counts = await w.page.textContent('.compare-counts');
    assert.match(counts ?? '', /^No change to the architecture/);
    assert.match(counts ?? '', /only what changed and its neighbours$/);
    // A malformed summary is refused whole: the picture is not replaced.
    await w.send({ type: 'graph', graph: diffPicture(), version: 2, activeNodeIds: [], compare: { ...summary, added: 'many' } });
    await w.page.waitForTimeout(200);
    assert.equal(await w.page.locator('g[class*="change-"]').count(), 0);
    assert.deepEqual(w.problems, []);
    await w.page.close();
  });
});
