import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkSources } from '../../server/src/core/check.js';
import { DEFAULT_GRAPH_OPTIONS, type GraphOptions, type LaidOutGraph } from '../../server/src/core/layout/graph.js';
import { buildServiceGraph } from '../../server/src/core/layout/graph-from-model.js';
import { layeredSize, layoutGraph, type LayoutEffort } from '../../server/src/core/layout/layout.js';
import { generateArchitecture } from './generated-architecture.js';
import { allViolations, endpointViolations } from './geometry-checks.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

function exampleSources(): { file: string; text: string }[] {
  return readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.seams'))
    .sort()
    .map((f) => ({ file: `examples/${f}`, text: readFileSync(join(EXAMPLES, f), 'utf8') }));
}

async function laidOut(
  sources: { file: string; text: string }[],
  options: Partial<GraphOptions> = {},
  effort: LayoutEffort = 'auto',
): Promise<LaidOutGraph> {
  const { model, diagnostics } = checkSources(sources);
  return layoutGraph(buildServiceGraph(model, diagnostics, { ...DEFAULT_GRAPH_OPTIONS, ...options }), undefined, { effort });
}

describe('layoutGraph on the examples', () => {
  for (const grouping of ['system', 'team', 'none'] as const) {
    for (const direction of ['right', 'down'] as const) {
      it(`grouping ${grouping}, direction ${direction}: no overlaps, edges on their nodes, labels clear`, async () => {
        const g = await laidOut(exampleSources(), { grouping, direction });
        assert.ok(g.nodes.filter((n) => n.kind === 'service').length >= 12);
        assert.deepEqual(allViolations(g), []);
        // Every labelled edge of a small graph gets its label drawn.
        assert.deepEqual(
          g.edges.filter((e) => e.label && !e.labelBox).map((e) => e.id),
          [],
        );
        assert.ok(g.width > 0 && g.height > 0);
        for (const n of g.nodes) assert.ok(n.x >= 0 && n.y >= 0 && n.x + n.width <= g.width && n.y + n.height <= g.height, n.id);
      });
    }
  }

  it('direction changes the main axis', async () => {
    const right = await laidOut(exampleSources(), { grouping: 'none' });
    const down = await laidOut(exampleSources(), { grouping: 'none', direction: 'down' });
    // (Unconnected parts are packed side by side, so compare proportions, not absolute sides.)
    assert.ok(
      right.width / right.height > down.width / down.height,
      `right ${right.width}×${right.height}, down ${down.width}×${down.height}`,
    );
    // Calls flow along the axis: the caller's box starts before the callee's.
    const pos = (g: LaidOutGraph, id: string) => g.nodes.find((n) => n.id === id)!;
    assert.ok(pos(right, 'service:web-bff').x < pos(right, 'service:catalog').x);
    assert.ok(pos(down, 'service:web-bff').y < pos(down, 'service:catalog').y);
  });

  it('is deterministic: the same input twice gives identical output', async () => {
    const a = await laidOut(exampleSources(), { collapsed: ['group:system:checkout'] });
    const b = await laidOut(exampleSources(), { collapsed: ['group:system:checkout'] });
    assert.deepEqual(a, b);
  });

  it('draws collapsed groups as boxes that edges join', async () => {
    const g = await laidOut(exampleSources(), { collapsed: ['group:system:checkout', 'group:system:fulfilment'] });
    assert.deepEqual(allViolations(g), []);
    const checkout = g.nodes.find((n) => n.id === 'group:system:checkout')!;
    assert.equal(checkout.collapsed, true);
    assert.ok(g.edges.some((e) => e.target === checkout.id || e.source === checkout.id));
  });
});

describe('layoutGraph on generated architectures', () => {
  it('careful and fast layouts of 60 services keep every invariant', async () => {
    const sources = [{ file: 'gen.seams', text: generateArchitecture(60) }];
    for (const effort of ['careful', 'fast'] as const) {
      const g = await laidOut(sources, {}, effort);
      assert.equal(g.nodes.filter((n) => n.kind === 'service').length, 60);
      assert.deepEqual(allViolations(g), [], effort);
      // Fast mode places labels itself; most still find a free spot.
      const labelled = g.edges.filter((e) => e.label);
      const drawn = labelled.filter((e) => e.labelBox);
      assert.ok(drawn.length >= labelled.length * 0.8, `${effort}: ${drawn.length}/${labelled.length} labels`);
    }
  });

  it('focus and problems-only graphs lay out too', async () => {
    const sources = [{ file: 'gen.seams', text: generateArchitecture(40) }];
    const focus = await laidOut(sources, { focus: 'svc-20', focusHops: 2 });
    assert.ok(focus.nodes.some((n) => n.id === 'service:svc-20'));
    assert.deepEqual(allViolations(focus), []);
    const none = await laidOut(sources, { grouping: 'none', direction: 'down' });
    assert.deepEqual(endpointViolations(none), []);
  });

  it('one system expanded among collapsed ones: bundled edges still join the right boxes', async () => {
    const sources = [{ file: 'gen.seams', text: generateArchitecture(64) }];
    const collapsed = Array.from({ length: 8 }, (_, i) => `group:system:sys-${i}`).filter((id) => id !== 'group:system:sys-4');
    for (const effort of ['careful', 'fast'] as const) {
      const g = await laidOut(sources, { collapsed }, effort);
      assert.equal(g.nodes.filter((n) => n.collapsed).length, 7);
      const intoCollapsed = g.edges.filter((e) => collapsed.includes(e.source) || collapsed.includes(e.target));
      assert.ok(
        intoCollapsed.some((e) => e.source.startsWith('service:') || e.target.startsWith('service:')),
        'member ↔ collapsed-group edges exist',
      );
      assert.deepEqual(allViolations(g), [], effort);
    }
  });

  it('an empty model gives an empty picture', async () => {
    const g = await laidOut([{ file: 'empty.seams', text: '' }]);
    assert.deepEqual(g.nodes, []);
    assert.deepEqual(g.edges, []);
  });
});

describe('layeredSize (the effort estimate)', () => {
  const node = (id: string) => ({ id, kind: 'service' as const, label: id, problems: [] });
  const edge = (s: string, t: string) => ({
    id: `call:${s}->${t}:0`,
    kind: 'call' as const,
    source: `service:${s}`,
    target: `service:${t}`,
    problems: [],
  });

  it('counts boxes, edges and the dummies of edges that span layers; cycles do not loop', () => {
    const nodes = ['a', 'b', 'c'].map((n) => node(`service:${n}`));
    const chain = { nodes, edges: [edge('a', 'b'), edge('b', 'c'), edge('a', 'c')], options: DEFAULT_GRAPH_OPTIONS };
    // Layers a=0, b=1, c=2: only a→c spans a layer.
    assert.equal(layeredSize(chain), 3 + 3 + 1);
    const cycle = { nodes, edges: [edge('a', 'b'), edge('b', 'c'), edge('c', 'a')], options: DEFAULT_GRAPH_OPTIONS };
    assert.equal(layeredSize(cycle), 3 + 3 + 1);
  });
});
