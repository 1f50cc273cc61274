/**
 * Stability: after a small edit (add a service, rename one, add a call) the
 * nodes the edit did not touch should stay close to where they were. Measures
 * the mean displacement (px, Euclidean, of box top-left corners) of the nodes
 * present before and after, excluding the edited service itself. As in the
 * server, each layout gets the one before it as a hint (`previous`).
 *
 * The bound: half of the gap-plus-box step between two neighbouring layers
 * (a service box is 110–170 px wide, layers are 44 px apart: one step ≈ 160
 * px). A mean below 80 px means most boxes did not move at all and the rest
 * moved less than a column: the picture is recognisably the same. Measured when
 * written: 67, 0, 42 px (examples: add service, rename, add call) and 12, 4,
 * 9 px (60 generated services). Without the previous layout as a hint the
 * generated "add a service" moved 462 px (the systems were re-stacked), and
 * with ELK's NODES_AND_EDGES model order 118–330 px. The figures are printed as
 * a test diagnostic.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkSources } from '../../server/src/core/check.js';
import { DEFAULT_GRAPH_OPTIONS, type LaidOutGraph } from '../../server/src/core/layout/graph.js';
import { buildServiceGraph } from '../../server/src/core/layout/graph-from-model.js';
import { layoutGraph } from '../../server/src/core/layout/layout.js';
import { generateArchitecture } from './generated-architecture.js';

// A frozen copy of examples/ (as of commit 386f746), so that editing the
// examples does not move these figures.
const EXAMPLES = join(import.meta.dirname, 'fixtures', 'frozen-examples');
const BOUND = 80;

type Sources = { file: string; text: string }[];

function examples(): Sources {
  return readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.seams'))
    .sort()
    .map((f) => ({ file: `examples/${f}`, text: readFileSync(join(EXAMPLES, f), 'utf8') }));
}

async function layout(sources: Sources, previous?: LaidOutGraph): Promise<LaidOutGraph> {
  const { model, diagnostics } = checkSources(sources);
  return layoutGraph(buildServiceGraph(model, diagnostics, DEFAULT_GRAPH_OPTIONS), undefined, {
    effort: 'careful',
    previous,
  });
}

/**
 * The layout a preview shows after some editing: laid out once, then again with
 * itself as the hint (what the server does on every change).
 */
async function steady(sources: Sources): Promise<LaidOutGraph> {
  const first = await layout(sources);
  return layout(sources, first);
}

/** Mean displacement of the leaf nodes in both layouts, `renamed` mapping old ids to new ones. */
export function meanDisplacement(
  before: LaidOutGraph,
  after: LaidOutGraph,
  exclude: string[] = [],
  renamed = new Map<string, string>(),
): number {
  const next = new Map(after.nodes.map((n) => [n.id, n]));
  let sum = 0;
  let count = 0;
  for (const n of before.nodes) {
    if (n.kind === 'group' || exclude.includes(n.id)) continue;
    const m = next.get(renamed.get(n.id) ?? n.id);
    if (!m) continue;
    sum += Math.hypot(m.x - n.x, m.y - n.y);
    count++;
  }
  assert.ok(count > 0);
  return sum / count;
}

/** Inserts `text` before the closing brace of the first service named `service`. */
function insertIntoService(sources: Sources, service: string, text: string): Sources {
  return sources.map((s) => {
    const at = s.text.search(new RegExp(`service ${service}\\b`));
    if (at < 0) return s;
    const close = s.text.indexOf('\n  }', at);
    return { ...s, text: s.text.slice(0, close) + `\n    ${text}` + s.text.slice(close) };
  });
}

const figures: string[] = [];

describe('layout stability after small edits (the examples, careful layout)', () => {
  it('adding a service with a call keeps the other nodes close', async () => {
    const base = examples();
    const before = await steady(base);
    const edited = base.map((s) =>
      s.file.endsWith('storefront.seams')
        ? {
            ...s,
            text: s.text.replace(
              /\}\s*$/,
              '  service wishlist "Wish lists" {\n    owner storefront-team\n    calls catalog.catalog-api v2 { timeout 200ms }\n  }\n}\n',
            ),
          }
        : s,
    );
    const after = await layout(edited, before);
    assert.ok(after.nodes.some((n) => n.id === 'service:wishlist'));
    const d = meanDisplacement(before, after);
    figures.push(`add a service: ${d.toFixed(1)} px`);
    assert.ok(d < BOUND, `mean displacement ${d.toFixed(1)} px`);
  });

  it('renaming a service keeps the other nodes close', async () => {
    const base = examples();
    const before = await steady(base);
    const edited = base.map((s) => ({ ...s, text: s.text.replace(/\bsearch\b(?!-)/g, 'finder') }));
    const after = await layout(edited, before);
    assert.ok(after.nodes.some((n) => n.id === 'service:finder'));
    const d = meanDisplacement(before, after, ['service:search']);
    figures.push(`rename a service: ${d.toFixed(1)} px`);
    assert.ok(d < BOUND, `mean displacement ${d.toFixed(1)} px`);
  });

  it('adding a call keeps the other nodes close', async () => {
    const base = examples();
    const before = await steady(base);
    const after = await layout(insertIntoService(base, 'cart', 'calls catalog.catalog-api v2 { timeout 200ms }'), before);
    assert.ok(after.edges.some((e) => e.id === 'call:cart->catalog:0'));
    const d = meanDisplacement(before, after);
    figures.push(`add a call: ${d.toFixed(1)} px`);
    assert.ok(d < BOUND, `mean displacement ${d.toFixed(1)} px`);
  });
});

describe('layout stability after small edits (60 generated services, careful layout)', () => {
  const base = (): Sources => [{ file: 'gen.seams', text: generateArchitecture(60) }];

  it('adding a service with a call keeps the other nodes close', async () => {
    const before = await steady(base());
    const after = await layout(insertService(base(), 'svc-27', 'extra', 'calls svc-25.svc-25-api v1 { timeout 1s }'), before);
    assert.ok(after.nodes.some((n) => n.id === 'service:extra'));
    const d = meanDisplacement(before, after);
    figures.push(`generated, add a service: ${d.toFixed(1)} px`);
    assert.ok(d < BOUND, `mean displacement ${d.toFixed(1)} px`);
  });

  it('renaming a service keeps the other nodes close', async () => {
    const before = await steady(base());
    const after = await layout(
      base().map((s) => ({ ...s, text: s.text.replace(/\bsvc-30\b/g, 'renamed') })),
      before,
    );
    const d = meanDisplacement(before, after, ['service:svc-30']);
    figures.push(`generated, rename a service: ${d.toFixed(1)} px`);
    assert.ok(d < BOUND, `mean displacement ${d.toFixed(1)} px`);
  });

  it('adding a call keeps the other nodes close', async () => {
    const before = await steady(base());
    const after = await layout(insertIntoService(base(), 'svc-44', 'calls svc-41.svc-41-api v1 { timeout 1s }'), before);
    assert.ok(after.edges.some((e) => e.id === 'call:svc-44->svc-41:0'));
    const d = meanDisplacement(before, after);
    figures.push(`generated, add a call: ${d.toFixed(1)} px`);
    assert.ok(d < BOUND, `mean displacement ${d.toFixed(1)} px`);
  });

  it('prints the figures', (t) => {
    t.diagnostic(figures.join('; '));
    assert.equal(figures.length, 6);
  });
});

/** Adds a service after the service named `after`, in the same system. */
function insertService(sources: Sources, after: string, name: string, member: string): Sources {
  return sources.map((s) => {
    const at = s.text.search(new RegExp(`service ${after}\\b`));
    const close = s.text.indexOf('\n  }', at) + '\n  }'.length;
    return { ...s, text: `${s.text.slice(0, close)}\n  service ${name} {\n    owner team-1\n    ${member}\n  }${s.text.slice(close)}` };
  });
}
