import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSources } from '../../server/src/core/check.js';
import { buildServiceGraph } from '../../server/src/core/layout/graph-from-model.js';
import { DEFAULT_GRAPH_OPTIONS } from '../../server/src/core/layout/graph.js';
import { landscapeCapacity } from '../../server/src/core/layout/landscape-layout.js';
import { PROBLEMS_LISTED, problemTotal } from '../../server/src/core/layout/problem-list.js';
import { MORE_GROUP_ID } from '../../server/src/core/ids.js';
import { buildViewGraph } from '../../server/src/core/views/view-graph.js';
import { layoutView } from '../../server/src/core/views/render-view.js';
import { renderSvg } from '../../server/src/core/render/svg.js';
import { generateArchitecture } from '../layout/generated-architecture.js';

/** A small pane: fewer cells than the 125 systems below. */
const PANE = { width: 380, height: 300 };

describe('landscape graph, built straight from the model', () => {
  // 1,000 services in 125 systems of 8: more boxes than PANE can hold.
  const { model, diagnostics } = checkSources([{ file: 'c.seams', text: generateArchitecture(1000) }]);

  it('each box lists the distinct problems of its services, worst first, at most PROBLEMS_LISTED, with the total kept', () => {
    const g = buildViewGraph(model, diagnostics, { kind: 'landscape' });
    assert.equal(g.nodes.length, model.systems.size);
    // The same problems the whole service graph gives each service, counted once per box.
    const full = buildServiceGraph(model, diagnostics, { ...DEFAULT_GRAPH_OPTIONS, showStores: false });
    const expected = new Map<string, Set<string>>();
    const text = (p: { severity: string; code: string; message: string }) => `${p.severity}|${p.code}|${p.message}`;
    for (const n of full.nodes) {
      const box = n.kind === 'group' ? n.id : n.kind === 'service' ? n.parent : undefined;
      if (!box) continue;
      const set = expected.get(box) ?? expected.set(box, new Set()).get(box)!;
      for (const p of n.problems) set.add(text(p));
    }
    let some = 0;
    for (const box of g.nodes) {
      const want = expected.get(box.id) ?? new Set();
      assert.ok(box.problems.length <= PROBLEMS_LISTED, box.id);
      assert.ok(problemTotal(box) >= want.size, box.id);
      if (problemTotal(box) <= PROBLEMS_LISTED) {
        assert.equal(box.problemCount, undefined, box.id);
        assert.deepEqual(new Set(box.problems.map(text)), want, box.id);
        if (want.size > 0) some++;
      }
      const ranks = box.problems.map((p) => ['error', 'warning', 'info', 'hint'].indexOf(p.severity));
      assert.deepEqual(
        ranks,
        [...ranks].sort((a, b) => a - b),
        `${box.id}: worst first`,
      );
    }
    assert.ok(some > 0);
  });

  it('a box standing for more problems than it lists keeps the total, and the picture says so', () => {
    const g = buildViewGraph(model, diagnostics, { kind: 'landscape' }, { pane: PANE });
    const more = g.nodes.find((n) => n.id === MORE_GROUP_ID)!;
    assert.ok(more.problemCount !== undefined && more.problemCount > PROBLEMS_LISTED, `${more.problemCount}`);
    assert.equal(more.problems.length, PROBLEMS_LISTED);
    const svg = renderSvg(
      { width: 200, height: 100, options: g.options, nodes: [{ ...more, x: 0, y: 0, width: 150, height: 60 }], edges: [] },
      { theme: 'light' },
    );
    assert.match(svg, new RegExp(`… and ${more.problemCount - PROBLEMS_LISTED} more`));
    assert.match(svg, new RegExp(`data-count="${more.problemCount}"`));
  });

  it('for a pane, folds the smallest boxes into "+N more" before layout; every service is still counted once', () => {
    const g = buildViewGraph(model, diagnostics, { kind: 'landscape' }, { pane: PANE });
    assert.ok(g.nodes.length <= landscapeCapacity(PANE), `${g.nodes.length} boxes`);
    const more = g.nodes.find((n) => n.id === MORE_GROUP_ID)!;
    assert.equal(more.folded, model.systems.size - (g.nodes.length - 1));
    assert.equal(more.label, `+${more.folded} more`);
    assert.equal(
      g.nodes.reduce((n, b) => n + (b.memberCount ?? 1), 0),
      model.services.size,
    );
    // Lines into the folded boxes end at "+N more"; no line ends at a box that is not drawn.
    const ids = new Set(g.nodes.map((n) => n.id));
    assert.ok(g.edges.every((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target));
    assert.ok(g.edges.some((e) => e.source === MORE_GROUP_ID || e.target === MORE_GROUP_ID));
  });

  it('the laid-out landscape folds once more when the grid needs it, and "+N more" counts every box it stands for', async () => {
    const g = await layoutView(model, diagnostics, { kind: 'landscape' }, { pane: PANE });
    const more = g.nodes.filter((n) => n.id === MORE_GROUP_ID);
    assert.equal(more.length, 1);
    assert.equal(g.nodes.length - 1 + more[0]!.folded!, model.systems.size);
    assert.equal(
      g.nodes.reduce((n, b) => n + (b.memberCount ?? 1), 0),
      model.services.size,
    );
    assert.ok((g.fitScale ?? 0) >= 0.6, `fit ${g.fitScale}`);
  });
});
