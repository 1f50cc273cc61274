/**
 * `all` of a large model (group-column-layout.ts): every system laid out on
 * its own, the systems stacked, the lines between systems bundled on tracks.
 * The promises of every view hold (no line through a box, no label on a label,
 * box or badge), and more: no line between systems enters a system's frame,
 * every model line is drawn or counted exactly once, and the same model gives
 * the same picture, byte for byte.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { build } from 'esbuild';
import { checkSources } from '../../server/src/core/check.js';
import type { Box, LaidOutGraph } from '../../server/src/core/layout/graph.js';
import { layoutView } from '../../server/src/core/views/render-view.js';
import { buildViewGraph } from '../../server/src/core/views/view-graph.js';
import { renderSvg } from '../../server/src/core/render/svg.js';
import { DEFAULT_PANE } from '../../server/src/core/views/view-spec.js';
import { LayoutClient } from '../../server/src/lsp/layout-client.js';
import { viewViolations } from '../layout/geometry-checks.js';
import { generateArchitecture } from '../helpers/generate-architecture.js';

const { model, diagnostics } = checkSources(generateArchitecture({ services: 300, systemSize: 30 }));
const ALL = { kind: 'all' } as const;

/** Whether the segment a-b passes through the inside of `box` (touching its border does not count). */
function entersBox(a: { x: number; y: number }, b: { x: number; y: number }, box: Box): boolean {
  const x0 = box.x + 1;
  const x1 = box.x + box.width - 1;
  const y0 = box.y + 1;
  const y1 = box.y + box.height - 1;
  if (a.x === b.x) return a.x > x0 && a.x < x1 && Math.max(a.y, b.y) > y0 && Math.min(a.y, b.y) < y1;
  if (a.y === b.y) return a.y > y0 && a.y < y1 && Math.max(a.x, b.x) > x0 && Math.min(a.x, b.x) < x1;
  assert.fail(`a line between systems has a slanted segment ${a.x},${a.y} -> ${b.x},${b.y}`);
}

describe('all of 300 services in 10 systems', () => {
  let laidOut: LaidOutGraph;

  it('keeps the promises of every view', async () => {
    laidOut = await layoutView(model, diagnostics, ALL);
    assert.deepEqual(laidOut.view, ALL);
    assert.equal(laidOut.nodes.filter((n) => n.kind === 'group').length, 10);
    assert.deepEqual(viewViolations(laidOut), []);
  });

  it('draws one line per pair of systems, outside every frame, and counts each model line once', () => {
    const graph = buildViewGraph(model, diagnostics, ALL);
    const groups = laidOut.nodes.filter((n) => n.kind === 'group');
    const groupIds = new Set(groups.map((g) => g.id));
    const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parent]));
    const crossing = graph.edges.filter((e) => parentOf.get(e.source) !== parentOf.get(e.target));
    assert.ok(crossing.length > 100, `${crossing.length} lines between systems`);

    const between = laidOut.edges.filter((e) => groupIds.has(e.source));
    const pairs = between.map((e) => [e.source, e.target].sort().join('|'));
    assert.equal(new Set(pairs).size, pairs.length, 'at most one line per pair of systems');
    assert.equal(
      between.reduce((n, e) => n + (e.count ?? 1), 0),
      crossing.length,
    );
    // Lines inside a system are drawn as they are.
    assert.equal(laidOut.edges.length - between.length, graph.edges.length - crossing.length);
    for (const e of between) {
      assert.ok(e.labelBox, `${e.id} has its count as a label`);
      for (let i = 1; i < e.points.length; i++) {
        for (const g of groups) assert.ok(!entersBox(e.points[i - 1]!, e.points[i]!, g), `${e.id} runs through ${g.id}`);
      }
    }
  });

  it('draws the same picture for the same model', async () => {
    const again = await layoutView(model, diagnostics, ALL);
    assert.equal(renderSvg(again, { theme: 'light' }), renderSvg(laidOut, { theme: 'light' }));
  });

  it('is the same picture in the layout worker of the preview', async () => {
    // The worker as the extension ships it (esbuild, CommonJS), built into a temp folder.
    const dir = mkdtempSync(join(tmpdir(), 'seams-all-worker-'));
    const workerFile = join(dir, 'layout-worker.cjs');
    const entry = join(import.meta.dirname, '..', '..', 'server', 'src', 'lsp', 'layout-worker.ts');
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: workerFile, logLevel: 'silent' });
    const client = new LayoutClient({ workerFile });
    try {
      const inWorker = await client.layout(buildViewGraph(model, diagnostics, ALL), DEFAULT_PANE);
      assert.equal(renderSvg(inWorker, { theme: 'light' }), renderSvg(laidOut, { theme: 'light' }));
    } finally {
      await client.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
