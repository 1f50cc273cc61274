import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkSources } from '../../server/src/core/check.js';
import { nameOfNodeId, parseEdgeId } from '../../server/src/core/ids.js';
import { buildViewGraph, OUTSIDE_SYSTEMS_SHOWN, viewTargetError } from '../../server/src/core/views/view-graph.js';
import { layoutView } from '../../server/src/core/views/render-view.js';
import { fitScale, parseViewSpec, type ViewSpec } from '../../server/src/core/views/view-spec.js';
import { renderSvg } from '../../server/src/core/render/svg.js';
import { viewViolations } from '../layout/geometry-checks.js';
import { generateArchitecture } from '../helpers/generate-architecture.js';
import { generateServices, toSeams } from '../layout/generated-architecture.js';

const ROOT = join(import.meta.dirname, '..', '..');
const examples = checkSources(
  readdirSync(join(ROOT, 'examples')).map((f) => ({ file: f, text: readFileSync(join(ROOT, 'examples', f), 'utf8') })),
);
const view = (text: string): ViewSpec => parseViewSpec(text) as ViewSpec;

/** The fit of the SVG as drawn (legend included), as the hidden checks measure it. */
function svgFit(svg: string): number {
  const m = /width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
  return fitScale({ width: Number(m[1]), height: Number(m[2]) });
}

describe('view graphs', () => {
  it('landscape: one box per system and loose service, at most one line per direction and kind, counts add up', () => {
    const g = buildViewGraph(examples.model, examples.diagnostics, view('landscape'));
    assert.deepEqual(
      g.nodes.map((n) => n.id),
      [...[...examples.model.systems.keys()].map((s) => `group:system:${s}`), 'service:accounts'],
    );
    const keys = g.edges.map((e) => `${e.kind}|${e.source}|${e.target}`);
    assert.equal(new Set(keys).size, keys.length);
    const checkout = g.nodes.find((n) => n.id === 'group:system:checkout')!;
    assert.equal(checkout.memberCount, 6);
    assert.ok(checkout.detail?.startsWith('error '), checkout.detail);
    // Every call between services of different boxes is counted once.
    const crossing = examples.model.calls.filter(
      (c) => c.target.target && (c.from.system?.name ?? c.from.name) !== (c.target.target.system?.name ?? c.target.target.name),
    ).length;
    assert.equal(
      g.edges.filter((e) => e.kind === 'call').reduce((n, e) => n + (e.count ?? 1), 0),
      crossing,
    );
    for (const e of g.edges) if ((e.count ?? 1) > 1) assert.match(e.label ?? '', new RegExp(`^${e.count} (calls|events)$`));
  });

  it('landscape falls back to teams when there are fewer than two systems, unowned services in one box', () => {
    const { model, diagnostics } = checkSources([
      {
        file: 'a.seams',
        text: 'team a\nteam b\nsystem s {\n service x { owner a calls y.y-api }\n service y { owner b api y-api }\n service z { calls x.x-api }\n service x2 { owner a api x-api }\n}\n',
      },
    ]);
    const g = buildViewGraph(model, diagnostics, view('landscape'));
    assert.deepEqual(
      g.nodes.map((n) => n.id),
      ['group:team:a', 'group:team:b', 'group:unowned'],
    );
  });

  it('system view: members and their stores, each outside neighbour one compact box under its own system', () => {
    const g = buildViewGraph(examples.model, examples.diagnostics, view('system:checkout'));
    const members = examples.model.systems.get('checkout')!.services.map((s) => `service:${s.name}`);
    for (const id of members)
      assert.ok(
        g.nodes.some((n) => n.id === id && n.kind === 'service'),
        id,
      );
    const outside = g.nodes.filter((n) => n.kind === 'external');
    assert.ok(outside.length > 0);
    for (const n of outside) {
      const service = examples.model.services.get(n.id.slice('service:'.length))!;
      assert.equal(n.parent, service.system ? `group:system:${service.system.name}` : undefined, n.id);
      assert.ok(
        g.edges.some((e) => e.source === n.id || e.target === n.id),
        `${n.id} has a line`,
      );
    }
    // No line between two outside boxes; at most one per direction and kind for each outside box.
    const ext = new Set(outside.map((n) => n.id));
    assert.ok(!g.edges.some((e) => ext.has(e.source) && ext.has(e.target)));
    const keys = g.edges.filter((e) => ext.has(e.source) || ext.has(e.target)).map((e) => `${e.kind}|${e.source}|${e.target}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('service view keeps the neighbourhood; unknown targets are named', () => {
    const one = buildViewGraph(examples.model, examples.diagnostics, view('service:payments'));
    const two = buildViewGraph(examples.model, examples.diagnostics, view('service:payments:2'));
    assert.ok(one.nodes.length < two.nodes.length);
    assert.ok(one.nodes.some((n) => n.id === 'service:orders'));
    assert.match(viewTargetError(examples.model, view('system:nope'))!, /no system named 'nope'/);
    assert.match(viewTargetError(examples.model, view('team:nope'))!, /no team named 'nope'/);
    assert.match(viewTargetError(examples.model, view('service:ordrs'))!, /no service named 'ordrs'/);
    assert.equal(viewTargetError(examples.model, view('service:orders')), undefined);
  });

  it('libraries are never boxes: a service lists the ones it uses and its runtime; a gateway is drawn apart', () => {
    const g = buildViewGraph(examples.model, examples.diagnostics, view('all'));
    const users = [...examples.model.services.values()].filter((s) => s.uses.length > 0);
    assert.ok(users.length > 0);
    for (const s of users) {
      const node = g.nodes.find((n) => n.id === `service:${s.name}`)!;
      assert.deepEqual(
        node.summary?.libraries,
        s.uses.map((u) => u.name),
      );
      if (s.runtime) assert.equal(node.summary?.runtime, s.runtime.name);
    }
    for (const name of examples.model.libraries.keys()) assert.ok(!g.nodes.some((n) => n.label === name && n.kind !== 'service'), name);
    const gateways = [...examples.model.services.values()].filter((s) => s.tier === 'gateway').map((s) => `service:${s.name}`);
    assert.ok(gateways.length > 0);
    const svg = renderSvg(
      { width: 10, height: 10, options: g.options, nodes: g.nodes.map((n) => ({ ...n, x: 0, y: 0, width: 10, height: 10 })), edges: [] },
      { theme: 'light' },
    );
    for (const id of gateways) assert.match(svg, new RegExp(`class="node kind-service tier-gateway[^"]*" data-id="${id}"`));
  });

  it('bundled line ids parse back to their two boxes', () => {
    const g = buildViewGraph(examples.model, examples.diagnostics, view('landscape'));
    for (const e of g.edges) {
      const p = parseEdgeId(e.id);
      assert.ok(p, e.id);
      if (p.bundled) assert.deepEqual([p.from, p.to], [e.source, e.target]);
    }
  });
});

describe('views laid out for a 520 x 760 pane', () => {
  it('every view of the examples keeps its promises: no line through a box, no label on a label, box or badge', async () => {
    for (const v of [
      'auto',
      'landscape',
      'all',
      'system:checkout',
      'system:storefront',
      'team:data-team',
      'service:orders',
      'service:payments:2',
    ]) {
      const g = await layoutView(examples.model, examples.diagnostics, view(v));
      assert.deepEqual(viewViolations(g), [], v);
    }
  });

  it('auto draws the examples whole and readable', async () => {
    const g = await layoutView(examples.model, examples.diagnostics, view('auto'));
    assert.deepEqual(g.view, { kind: 'all' });
    assert.ok(svgFit(renderSvg(g, { theme: 'light' })) >= 0.6);
  });

  const models: [string, () => { file: string; text: string }[]][] = [
    ['300 services in 10 systems', () => generateArchitecture({ services: 300, systemSize: 30 })],
    ['1,000 services in 34 systems', () => generateArchitecture({ services: 1000, systemSize: 30 })],
    ['5,000 services in 100 systems', () => generateArchitecture({ services: 5000, systemSize: 50 })],
    ['300 clustered services in systems of 8', () => [{ file: 'c.seams', text: toSeams(generateServices(300)) }]],
    ['1,000 clustered services in systems of 8', () => [{ file: 'c.seams', text: toSeams(generateServices(1000)) }]],
  ];
  for (const [name, sources] of models) {
    it(`auto is readable for ${name}`, async () => {
      const { model, diagnostics } = checkSources(sources());
      const g = await layoutView(model, diagnostics, view('auto'));
      assert.ok(svgFit(renderSvg(g, { theme: 'light' })) >= 0.6, `fit ${g.fitScale} at ${g.width} x ${g.height}`);
      assert.deepEqual(viewViolations(g), []);
    });
  }

  // A system or team of 30 services with about 200 outside neighbours (dense calls across systems).
  for (const [name, services] of [
    ['300', 300],
    ['1,000', 1000],
  ] as const) {
    it(`system and team views of ${name} services in systems of 30 are readable and keep their promises`, async () => {
      const { model, diagnostics } = checkSources(generateArchitecture({ services, systemSize: 30 }));
      const last = `sys-${Math.ceil(services / 30) - 1}`;
      const team = [...model.teams.keys()][1]!;
      for (const v of ['system:sys-0', 'system:sys-3', `system:${last}`, `team:${team}`]) {
        const g = await layoutView(model, diagnostics, view(v));
        assert.ok(svgFit(renderSvg(g, { theme: 'light' })) >= 0.6, `${v}: fit ${g.fitScale} at ${g.width} x ${g.height}`);
        assert.deepEqual(viewViolations(g), [], v);
        // Every member is drawn; every outside box stands for outside services only.
        const members = v.startsWith('system:') ? model.systems.get(v.slice('system:'.length))!.services : model.teams.get(team)!.services;
        for (const s of members)
          assert.ok(
            g.nodes.some((n) => n.id === `service:${s.name}`),
            `${v}: ${s.name}`,
          );
        const outside = g.nodes.filter((n) => n.kind === 'external');
        assert.ok(outside.length > 0 && outside.length <= OUTSIDE_SYSTEMS_SHOWN, `${v}: ${outside.length} outside boxes`);
        for (const n of outside) assert.match(n.label, /\(\d+ services?\)$/, n.label);
      }
    });
  }

  it('a system view with few outside neighbours keeps one compact box each, under its own system', async () => {
    const g = await layoutView(examples.model, examples.diagnostics, view('system:checkout'));
    const outside = g.nodes.filter((n) => n.kind === 'external');
    assert.ok(outside.length > 0);
    for (const n of outside) assert.match(n.id, /^service:/);
  });

  it('outside systems: one box per system standing for its services, the busiest first, the rest in "+N more systems"', () => {
    const { model, diagnostics } = checkSources(generateArchitecture({ services: 1000, systemSize: 30 }));
    const g = buildViewGraph(model, diagnostics, view('system:sys-0'), { outside: 'systems' });
    const outside = g.nodes.filter((n) => n.kind === 'external');
    assert.equal(outside.length, OUTSIDE_SYSTEMS_SHOWN);
    const more = outside.find((n) => n.id === 'outside:more')!;
    const named = outside.filter((n) => n !== more);
    // The services they stand for add up to every outside neighbour of the individual picture.
    const each = buildViewGraph(model, diagnostics, view('system:sys-0'), { outside: 'services' });
    const count = (n: { label: string }) => Number(/\((\d+) services?\)$/.exec(n.label)![1]);
    assert.equal(
      outside.reduce((sum, n) => sum + count(n), 0),
      each.nodes.filter((n) => n.kind === 'external').length,
    );
    assert.match(more.label, /^\+\d+ more systems/);
    for (const n of named) assert.ok(model.systems.has(nameOfNodeId(n.id)), n.id);
    // At most one line per member, outside box, direction and kind.
    const keys = g.edges.map((e) => `${e.kind}|${e.source}|${e.target}`);
    assert.equal(new Set(keys).size, keys.length);
    assert.ok(g.edges.every((e) => g.nodes.some((n) => n.id === e.source) && g.nodes.some((n) => n.id === e.target)));
  });

  it('landscape draws its lines on 300 services in 10 systems, bundled, clear of every box', async () => {
    const { model, diagnostics } = checkSources(generateArchitecture({ services: 300, systemSize: 30 }));
    const g = await layoutView(model, diagnostics, view('landscape'));
    assert.equal(g.nodes.length, 10);
    assert.ok(g.edges.length > 0 && g.edges.length <= 45, `${g.edges.length} lines`);
    assert.ok(g.edges.every((e) => e.labelBox));
    assert.deepEqual(viewViolations(g), []);
    for (const v of ['system:sys-3', 'service:svc-42']) {
      const laidOut = await layoutView(model, diagnostics, view(v));
      assert.ok(laidOut.nodes.length > 0, v);
      assert.deepEqual(viewViolations(laidOut), [], v);
    }
  });
});
