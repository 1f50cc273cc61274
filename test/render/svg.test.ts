import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkSources } from '../../server/src/core/check.js';
import type { Diagnostic } from '../../server/src/core/diagnostics.js';
import { DEFAULT_GRAPH_OPTIONS, type LaidOutGraph } from '../../server/src/core/layout/graph.js';
import { buildServiceGraph } from '../../server/src/core/layout/graph-from-model.js';
import { layoutGraph } from '../../server/src/core/layout/layout.js';
import { escapeXml } from '../../server/src/core/render/escape-xml.js';
import { renderSvg } from '../../server/src/core/render/svg.js';
import { matchSnapshot } from './snapshot.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const HOSTILE = '<img src=x onerror=alert(1)>';

/** A small graph written by hand, so the snapshot tests the renderer alone. */
function handGraph(): LaidOutGraph {
  return {
    width: 420,
    height: 200,
    options: DEFAULT_GRAPH_OPTIONS,
    nodes: [
      {
        id: 'group:system:shop',
        kind: 'group',
        label: 'shop',
        sublabel: 'Online shop',
        problems: [],
        x: 10,
        y: 10,
        width: 400,
        height: 120,
      },
      {
        id: 'service:web',
        kind: 'service',
        label: 'web',
        sublabel: 'Web & "mobile"',
        parent: 'group:system:shop',
        problems: [{ severity: 'warning', code: 'missing-owner', message: 'web has no owner.' }],
        severity: 'warning',
        summary: { tier: 'user-facing', system: 'shop', contracts: ['api web-api v1 (rest)'], stores: [] },
        source: { file: 'shop.seams', start: 10, end: 13 },
        x: 24.44,
        y: 50.05,
        width: 110,
        height: 48,
      },
      {
        id: 'store:db',
        kind: 'store',
        label: 'db',
        sublabel: 'postgres',
        parent: 'group:system:shop',
        problems: [],
        x: 260,
        y: 46,
        width: 90,
        height: 56,
      },
      {
        id: 'group:system:back',
        kind: 'group',
        label: 'back',
        problems: [],
        collapsed: true,
        memberCount: 3,
        x: 10,
        y: 150,
        width: 130,
        height: 48,
      },
    ],
    edges: [
      {
        id: 'call:web->db:0',
        kind: 'store',
        source: 'service:web',
        target: 'store:db',
        problems: [],
        points: [
          { x: 134.4, y: 74 },
          { x: 260, y: 74 },
        ],
      },
      {
        id: 'call:web->[group:system:back]',
        kind: 'call',
        source: 'service:web',
        target: 'group:system:back',
        label: 'back-api v2',
        problems: [{ severity: 'error', code: 'version-not-provided', message: 'back offers no v2.' }],
        severity: 'error',
        points: [
          { x: 79, y: 98 },
          { x: 79, y: 150 },
        ],
        labelBox: { x: 84, y: 116, width: 70, height: 16 },
      },
      {
        id: 'sub:[group:system:back]->web',
        kind: 'subscription',
        source: 'group:system:back',
        target: 'service:web',
        problems: [],
        points: [
          { x: 100, y: 150 },
          { x: 100, y: 98 },
        ],
      },
    ],
  };
}

function exampleSources(): { file: string; text: string }[] {
  return readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.seams'))
    .sort()
    .map((f) => ({ file: `examples/${f}`, text: readFileSync(join(EXAMPLES, f), 'utf8') }));
}

async function exampleGraph(): Promise<LaidOutGraph> {
  const { model, diagnostics } = checkSources(exampleSources());
  return layoutGraph(buildServiceGraph(model, diagnostics, DEFAULT_GRAPH_OPTIONS));
}

/**
 * The snapshot's graph: a fixture of this folder, checked without rules and
 * with two hand-made diagnostics, so the snapshot changes only when the graph,
 * layout or renderer change (not when rules or examples do).
 */
async function fixtureGraph(): Promise<LaidOutGraph> {
  const text = readFileSync(join(import.meta.dirname, 'fixtures', 'snapshot-shop.seams'), 'utf8');
  const file = 'snapshot-shop.seams';
  const { model } = checkSources([{ file, text }], { rules: [] });
  const at = (needle: string) => ({ file, start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });
  const diagnostics: Diagnostic[] = [
    {
      code: 'implicit-contract',
      severity: 'warning',
      message: 'web calls accounts without naming an api.',
      location: at('calls accounts'),
    },
    { code: 'shared-database', severity: 'warning', message: 'catalog and orders share store shop-db.', location: at('store shop-db') },
    { code: 'missing-slo', severity: 'hint', message: 'mail has no slo.', location: at('service mail') },
  ];
  return layoutGraph(buildServiceGraph(model, diagnostics, DEFAULT_GRAPH_OPTIONS));
}

/** Every element in the output is one the renderer writes: nothing injected. */
function elementNames(svg: string): Set<string> {
  return new Set([...svg.matchAll(/<\/?([A-Za-z][\w:-]*)/g)].map((m) => m[1]!));
}
const ALLOWED = new Set(['svg', 'style', 'defs', 'marker', 'path', 'rect', 'g', 'text', 'title', 'circle']);

describe('renderSvg', () => {
  it('matches the snapshot of a hand-made graph', () => {
    matchSnapshot('hand-graph.light.svg', renderSvg(handGraph(), { theme: 'light' }));
  });

  it('matches the snapshots of a laid-out fixture (light, dark, vscode)', async () => {
    const g = await fixtureGraph();
    matchSnapshot('shop.light.svg', renderSvg(g, { theme: 'light' }));
    matchSnapshot('shop.dark.svg', renderSvg(g, { theme: 'dark' }));
    matchSnapshot('shop.vscode.svg', renderSvg(g, { theme: 'vscode' }));
  });

  it('is byte-identical for the same input, from the model on', async () => {
    assert.equal(renderSvg(await exampleGraph(), { theme: 'light' }), renderSvg(await exampleGraph(), { theme: 'light' }));
  });

  it('rounds coordinates to one decimal', () => {
    const svg = renderSvg(handGraph(), { theme: 'light' });
    assert.ok(svg.includes('x="24.4" y="50.1"'), 'rounded node position');
    const drawing = svg.slice(svg.indexOf('</style>'));
    assert.doesNotMatch(drawing, /\d\.\d{2,}/);
  });

  it('is self-contained: styles inside, no external references', () => {
    const svg = renderSvg(handGraph(), { theme: 'light' });
    assert.match(svg, /<style>[\s\S]*\.seams-graph[\s\S]*<\/style>/);
    assert.doesNotMatch(svg, /href|@import|<image|<script|<foreignObject/i);
    const urls = [...svg.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]!);
    assert.ok(urls.length > 0 && urls.every((u) => u.startsWith('#seams-arrow-')), urls.join(' '));
    assert.deepEqual(
      [...svg.matchAll(/https?:\/\/[^"]*/g)].map((m) => m[0]),
      ['http://www.w3.org/2000/svg'],
    );
  });

  it('marks nodes and edges with data-id, data-kind and classes for interaction', () => {
    const svg = renderSvg(handGraph(), { theme: 'light' });
    for (const n of handGraph().nodes) assert.ok(svg.includes(`data-id="${escapeXml(n.id)}" data-kind="${n.kind}"`), n.id);
    for (const e of handGraph().edges) assert.ok(svg.includes(`data-id="${escapeXml(e.id)}" data-kind="${e.kind}"`), e.id);
    assert.match(svg, /class="node kind-service sev-warning"/);
    assert.match(svg, /class="node kind-group collapsed( sev-\w+)?"/);
    assert.match(svg, /class="edge kind-subscription"/);
    assert.match(svg, /class="badge sev-error" data-count="1"/);
    assert.match(svg, /<g class="legend">/);
  });

  it('escapes hostile names and messages everywhere', async () => {
    const g = handGraph();
    g.nodes[1]!.label = HOSTILE;
    g.nodes[1]!.sublabel = `"><script>alert(1)</script>`;
    g.nodes[1]!.problems[0]!.message = `</title><img src=x onerror=alert(2)>`;
    g.nodes[0]!.sublabel = `' onload='alert(3)`;
    g.edges[1]!.label = HOSTILE;
    g.edges[1]!.id = `x" onclick="alert(4)`;
    const svg = renderSvg(g, { theme: 'dark' });
    assert.deepEqual(
      [...elementNames(svg)].filter((n) => !ALLOWED.has(n)),
      [],
    );
    assert.ok(svg.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(svg.includes('data-id="x&quot; onclick=&quot;alert(4)"'));
    // Hostile text stays text: no attribute named on… exists anywhere.
    assert.doesNotMatch(svg, /\son\w+\s*=\s*["']/);

    // The same through the whole pipeline: a title in a .seams file.
    const text = `system s "${HOSTILE.replace(/"/g, '')}" {\n  service web "${HOSTILE}" {\n  }\n}\n`;
    const { model, diagnostics } = checkSources([{ file: 'evil.seams', text }]);
    const full = renderSvg(await layoutGraph(buildServiceGraph(model, diagnostics, DEFAULT_GRAPH_OPTIONS)), { theme: 'light' });
    assert.deepEqual(
      [...elementNames(full)].filter((n) => !ALLOWED.has(n)),
      [],
    );
    assert.ok(full.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });

  it('the vscode theme reads VS Code theme variables, with fallbacks', () => {
    const svg = renderSvg(handGraph(), { theme: 'vscode' });
    assert.match(svg, /var\(--vscode-editor-background, #ffffff\)/);
    assert.match(svg, /var\(--vscode-editorError-foreground, #cf222e\)/);
    assert.match(svg, /class="seams-graph theme-vscode"/);
    assert.notEqual(renderSvg(handGraph(), { theme: 'light' }), renderSvg(handGraph(), { theme: 'dark' }));
  });
});
