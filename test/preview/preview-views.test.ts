// The preview's views on the server side, through the real layout worker: auto
// picks a readable view for the pane, a system view has its breadcrumb and
// outside boxes, search answers with the view that holds a service, typing
// keeps the view and its layout, and bad views are refused.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { checkSources } from '../../server/src/core/check.js';
import { DEFAULT_GRAPH_OPTIONS } from '../../server/src/core/layout/graph.js';
import { DEFAULT_PANE, READABLE_SCALE } from '../../server/src/core/views/view-spec.js';
import { LayoutClient } from '../../server/src/lsp/layout-client.js';
import { PreviewService } from '../../server/src/lsp/preview-service.js';
import { layoutView } from '../../server/src/core/views/render-view.js';
import { generateArchitecture } from '../helpers/generate-architecture.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.seams'))
  .map((f) => ({ file: `file:///ex/${f}`, text: readFileSync(join(EXAMPLES, f), 'utf8') }));

function workspace(files: { file: string; text: string }[]) {
  let check = checkSources(files);
  const listeners: (() => void)[] = [];
  return {
    deps: { current: () => check, onDidChange: (l: () => void) => listeners.push(l) },
    edit(next: { file: string; text: string }[]) {
      check = checkSources(next);
      for (const l of listeners) l();
    },
  };
}

const options = { ...DEFAULT_GRAPH_OPTIONS };
/** A side pane's drawing area: 520 × 760 less the toolbar and breadcrumb rows, less the fit margins. */
const SIDE = { width: 488, height: 670 };

describe('preview service: views', () => {
  const out = mkdtempSync(join(tmpdir(), 'seams-preview-views-'));
  let client: LayoutClient;
  before(async () => {
    await esbuild.build({
      entryPoints: ['server/src/lsp/layout-worker.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: join(out, 'layout-worker.cjs'),
      logLevel: 'warning',
    });
    client = new LayoutClient({ workerFile: join(out, 'layout-worker.cjs'), execArgv: [] });
  });
  after(async () => {
    await client.dispose();
    rmSync(out, { recursive: true, force: true });
  });

  it('opens the examples on a view readable in a side pane', async () => {
    const service = new PreviewService({ ...workspace(examples).deps, layouter: client }, () => {});
    const { graph } = await service.graph({ options, view: { kind: 'auto' }, pane: SIDE });
    assert.ok(graph.view && graph.view.kind !== 'auto', `auto is resolved: ${JSON.stringify(graph.view)}`);
    assert.ok((graph.fitScale ?? 0) >= READABLE_SCALE, `fit ${graph.fitScale} in ${SIDE.width}×${SIDE.height}`);
    assert.ok(graph.breadcrumb && graph.breadcrumb.length >= 1);
    // Fitted into the pane as the webview fits it, the picture is drawn at 60% or more.
    assert.ok(Math.min(SIDE.width / graph.width, SIDE.height / graph.height, 1) >= READABLE_SCALE);
  });

  it('draws a system with its breadcrumb and its outside neighbours as compact boxes', async () => {
    const service = new PreviewService({ ...workspace(examples).deps, layouter: client }, () => {});
    const { graph } = await service.graph({ options, view: { kind: 'system', name: 'checkout' }, pane: SIDE });
    assert.deepEqual(graph.view, { kind: 'system', name: 'checkout' });
    assert.deepEqual(
      graph.breadcrumb?.map((s) => s.label),
      ['Landscape', 'checkout'],
    );
    assert.ok(graph.nodes.some((n) => n.id === 'service:payments' && n.kind === 'service'));
    const outside = graph.nodes.filter((n) => n.kind === 'external');
    assert.ok(outside.length > 0, 'checkout has neighbours in other systems');
    for (const n of outside) assert.match(n.parent ?? '', /^group:system:/, `${n.id} sits in its own system's frame`);
    // payments lists every problem it takes part in (its store and its calls included).
    const payments = graph.nodes.find((n) => n.id === 'service:payments')!;
    const codes = new Set(payments.problems.map((p) => p.code));
    assert.ok(codes.has('sync-cycle') && codes.has('compliance-leak'), [...codes].join(', '));
  });

  it('finds services in any view, with the view that holds them', async () => {
    const ws = workspace(examples);
    const service = new PreviewService({ ...ws.deps, layouter: client }, () => {});
    const { matches } = service.find({ text: 'PAY' });
    assert.equal(matches[0]?.id, 'service:payments', 'a prefix before a match inside a name');
    assert.deepEqual(matches[0]?.view, { kind: 'system', name: 'checkout' });
    assert.deepEqual(service.find({ text: '  ' }).matches, []);
    assert.deepEqual(service.find({ text: 'no-such-service' }).matches, []);
    assert.deepEqual(service.find({ text: 42 } as never).matches, []);
  });

  it('keeps the view and its layout while the model is edited', async () => {
    const ws = workspace(examples);
    const service = new PreviewService({ ...ws.deps, layouter: client }, () => {});
    const view = { kind: 'system', name: 'checkout' } as const;
    const first = await service.graph({ options, view, pane: SIDE });
    const runs = client.layoutsRun;
    ws.edit(examples.map((f) => ({ ...f, text: `${f.text}\n// typed\n` })));
    const again = await service.graph({ options, view, pane: SIDE });
    assert.equal(client.layoutsRun, runs, 'a comment lays nothing out again');
    assert.deepEqual(again.graph.view, view);
    assert.deepEqual(
      again.graph.nodes.map((n) => [n.id, n.x, n.y]),
      first.graph.nodes.map((n) => [n.id, n.x, n.y]),
    );
    assert.ok(again.version > first.version);
  });

  it('shows an empty view, not an error, when its system is gone', async () => {
    const service = new PreviewService({ ...workspace(examples).deps, layouter: client }, () => {});
    const { graph } = await service.graph({ options, view: { kind: 'system', name: 'renamed-away' }, pane: SIDE });
    assert.equal(graph.nodes.length, 0);
    assert.deepEqual(graph.view, { kind: 'system', name: 'renamed-away' });
  });

  it('refuses a malformed view or pane', async () => {
    const service = new PreviewService({ ...workspace(examples).deps, layouter: client }, () => {});
    await assert.rejects(service.graph({ options, view: { kind: 'system', name: 'a b' } as never }), /invalid view/);
    await assert.rejects(service.graph({ options, view: { kind: 'everything' } as never }), /invalid view/);
    await assert.rejects(service.graph({ options, view: { kind: 'all' }, pane: { width: -1, height: 5 } }), /invalid pane/);
  });

  it('opens 300 generated services on a readable view, and any system of them', async () => {
    const files = generateArchitecture({ services: 300, systemSize: 30, healthy: true });
    const service = new PreviewService({ ...workspace(files).deps, layouter: client }, () => {});
    const auto = await service.graph({ options, view: { kind: 'auto' }, pane: DEFAULT_PANE });
    assert.deepEqual(auto.graph.view, { kind: 'landscape' });
    assert.ok((auto.graph.fitScale ?? 0) >= READABLE_SCALE, `landscape fit ${auto.graph.fitScale}`);
    const box = auto.graph.nodes.find((n) => n.kind === 'group' && n.id.startsWith('group:system:'))!;
    const system = await service.graph({
      options,
      view: { kind: 'system', name: box.id.slice('group:system:'.length) },
      pane: DEFAULT_PANE,
    });
    assert.ok(system.graph.nodes.filter((n) => n.kind === 'service').length >= 10);
    // Its ~200 outside neighbours stand as one box per outside system, and it fits the pane.
    assert.ok((system.graph.fitScale ?? 0) >= READABLE_SCALE, `system fit ${system.graph.fitScale}`);
    const outside = system.graph.nodes.filter((n) => n.kind === 'external');
    assert.ok(outside.length > 0 && outside.every((n) => n.id.startsWith('outside:')));
  });

  it('draws what the core draws: auto and a system view through the worker equal layoutView inline', async () => {
    for (const files of [examples, generateArchitecture({ services: 300, systemSize: 30 })]) {
      const ws = workspace(files);
      const service = new PreviewService({ ...ws.deps, layouter: client }, () => {});
      const check = ws.deps.current();
      for (const view of [{ kind: 'auto' }, { kind: 'system', name: [...check.model.systems.keys()][0]! }] as const) {
        const viaWorker = (await service.graph({ options, view, pane: SIDE })).graph;
        const inline = await layoutView(check.model, check.diagnostics, view, { pane: SIDE, showStores: true, problemsOnly: false });
        assert.deepEqual(viaWorker.view, inline.view);
        assert.deepEqual(
          viaWorker.nodes.map((n) => n.id),
          inline.nodes.map((n) => n.id),
        );
        assert.equal(viaWorker.fitScale, inline.fitScale);
      }
    }
  });
});
