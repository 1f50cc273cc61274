// The preview's server side: graphs from the newest check, layouts reused when
// only problems or descriptions changed, stale and cancelled work dropped,
// active-file nodes and cursor lookups.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as esbuild from 'esbuild';
import { checkSources } from '../../server/src/core/check.js';
import { DEFAULT_GRAPH_OPTIONS, type LaidOutGraph, type ServiceGraph } from '../../server/src/core/layout/graph.js';
import { LayoutClient, LayoutSuperseded } from '../../server/src/lsp/layout-client.js';
import type { Connection } from 'vscode-languageserver';
import { PreviewService, registerPreview, type Layouter, type PreviewConnection } from '../../server/src/lsp/preview-service.js';
import {
  AUTO_COLLAPSE_SERVICES,
  GRAPH_CHANGED_NOTIFICATION,
  GRAPH_REQUEST,
  type GraphResponse,
} from '../../server/src/protocol/preview-protocol.js';

const FILE = 'file:///ws/shop.seams';

function shop(opts: { title?: string; extraService?: boolean; ownerComment?: string; tier?: string } = {}): string {
  return `team orders-team { oncall "#o" }
system shop {
  service catalog "${opts.title ?? 'Product catalog'}" {
    owner orders-team
    api catalog-api v2
  }
  service orders {
    owner orders-team
    store orders-db postgres
    tier ${opts.tier ?? 'internal'}
    calls catalog.catalog-api v2 { timeout 1s circuit-breaker }
  }
${opts.extraService ? '  service billing { owner orders-team }\n' : ''}}
// ${opts.ownerComment ?? 'a comment'}
`;
}

/** A workspace stand-in: the newest check and the change event, as server.ts provides them. */
function workspace(text: string) {
  let check = checkSources([{ file: FILE, text }]);
  const listeners: (() => void)[] = [];
  return {
    deps: { current: () => check, onDidChange: (l: () => void) => listeners.push(l) },
    edit(next: string) {
      check = checkSources([{ file: FILE, text: next }]);
      for (const l of listeners) l();
    },
  };
}

const options = { ...DEFAULT_GRAPH_OPTIONS };

describe('preview service with the layout worker', () => {
  // The worker bundled as esbuild.mjs bundles it (Node 20 workers do not take tsx's loader).
  const out = mkdtempSync(join(tmpdir(), 'seams-preview-worker-'));
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

  it('lays out again only when the shape of the graph changed', async () => {
    const ws = workspace(shop());
    const service = new PreviewService({ ...ws.deps, layouter: client }, () => {});
    const first = await service.graph({ options });
    const runs = client.layoutsRun;
    assert.ok(first.graph.nodes.some((n) => n.id === 'service:orders'));

    // A comment, and an edit that adds a problem (an unknown tier), move nothing.
    ws.edit(shop({ ownerComment: 'another comment', tier: 'sideways' }));
    const retitled = await service.graph({ options });
    assert.equal(client.layoutsRun, runs, 'problems and comments reuse the layout');
    const orders = retitled.graph.nodes.find((n) => n.id === 'service:orders')!;
    assert.ok(
      orders.problems.some((p) => p.code === 'invalid-value'),
      'with the new problems',
    );
    assert.equal(orders.severity, 'error');
    const pos = (g: LaidOutGraph, id: string) => g.nodes.find((n) => n.id === id)!;
    assert.deepEqual(
      { x: pos(retitled.graph, 'service:orders').x, y: pos(retitled.graph, 'service:orders').y },
      { x: pos(first.graph, 'service:orders').x, y: pos(first.graph, 'service:orders').y },
    );
    assert.ok(retitled.version > first.version);

    ws.edit(shop({ extraService: true }));
    const grown = await service.graph({ options });
    assert.equal(client.layoutsRun, runs + 1, 'a new service lays out again');
    assert.ok(grown.graph.nodes.some((n) => n.id === 'service:billing'));
  });

  it('reports the nodes of the active file and what the cursor is in', async () => {
    const text = shop();
    const ws = workspace(text);
    const service = new PreviewService({ ...ws.deps, layouter: client }, () => {});
    // VS Code escapes characters that a path-made URI keeps: both name one file.
    const res = await service.graph({ options, activeFile: FILE.replace('/ws/', '/%77s/') });
    assert.deepEqual(res.activeNodeIds.sort(), ['service:catalog', 'service:orders', 'store:orders-db']);
    assert.deepEqual((await service.graph({ options, activeFile: 'file:///ws/other.seams' })).activeNodeIds, []);

    const at = (needle: string) => service.nodeAt({ file: FILE, offset: text.indexOf(needle) + 1 }).ids;
    assert.deepEqual(at('api catalog-api'), ['service:catalog', 'group:system:shop', 'group:team:orders-team']);
    assert.deepEqual(at('calls catalog')[0], res.graph.edges.find((e) => e.kind === 'call')!.id);
    assert.deepEqual(at('store orders-db'), [
      res.graph.edges.find((e) => e.kind === 'store')!.id,
      'store:orders-db',
      'service:orders',
      'group:system:shop',
      'group:team:orders-team',
    ]);
    assert.deepEqual(at('team orders-team'), ['group:team:orders-team']);
  });
});

describe('preview service, stale and cancelled work', () => {
  /** A layouter that holds each layout until released, like a slow worker, and supersedes like LayoutClient. */
  function heldLayouter() {
    const jobs: { graph: ServiceGraph; resolve: (g: LaidOutGraph) => void; reject: (e: Error) => void }[] = [];
    const layouter: Layouter = {
      layout: (graph) =>
        new Promise((resolve, reject) => {
          // Only the newest waiting job survives, as in LayoutClient.
          jobs.splice(0).forEach((j) => j.reject(new LayoutSuperseded()));
          jobs.push({ graph, resolve, reject });
        }),
    };
    const release = () => {
      const job = jobs.shift()!;
      job.resolve({
        width: 1,
        height: 1,
        options: job.graph.options,
        edges: [],
        nodes: job.graph.nodes.map((n) => ({ ...n, x: 0, y: 0, width: 1, height: 1 })),
      });
    };
    return { layouter, jobs, release };
  }
  const settle = () => new Promise<void>((r) => setImmediate(r));

  it('runs requests in turn, each from the newest model', async () => {
    const ws = workspace(shop());
    const held = heldLayouter();
    const service = new PreviewService({ ...ws.deps, layouter: held.layouter }, () => {});
    const older = service.graph({ options });
    await settle();
    ws.edit(shop({ extraService: true }));
    const newer = service.graph({ options });
    await settle();
    assert.equal(held.jobs.length, 1, 'the second waits for the first layout');
    held.release();
    const a = await older;
    assert.ok(!a.graph.nodes.some((n) => n.id === 'service:billing'));
    await settle();
    held.release();
    const b = await newer;
    assert.ok(b.version > a.version);
    assert.ok(b.graph.nodes.some((n) => n.id === 'service:billing'));
  });

  it('does no work for a request cancelled while it waited, and answers RequestCancelled', async () => {
    const ws = workspace(shop());
    const held = heldLayouter();
    let layouts = 0;
    const counting: Layouter = { layout: (g) => (layouts++, held.layouter.layout(g)) };
    const service = new PreviewService({ ...ws.deps, layouter: counting }, () => {});
    const first = service.graph({ options });
    const token = { isCancellationRequested: false };
    const second = service.graph({ options }, token);
    await settle();
    token.isCancellationRequested = true;
    held.release();
    await first;
    await assert.rejects(second, (e: { code?: number }) => e.code === -32800);
    assert.equal(layouts, 1);
  });

  it('tries again when another user of the layout client superseded its layout', async () => {
    const ws = workspace(shop());
    let calls = 0;
    const layouter: Layouter = {
      layout: async (g) => {
        if (calls++ === 0) throw new LayoutSuperseded();
        return { width: 0, height: 0, options: g.options, nodes: [], edges: [] };
      },
    };
    const service = new PreviewService({ ...ws.deps, layouter }, () => {});
    await service.graph({ options });
    assert.equal(calls, 2);
  });

  it('warms the layout worker up after the first check, once', async () => {
    const ws = workspace(shop());
    const seen: number[] = [];
    const layouter: Layouter = {
      layout: async (g) => (seen.push(g.nodes.length), { width: 0, height: 0, options: g.options, nodes: [], edges: [] }),
    };
    new PreviewService({ ...ws.deps, layouter, warmUp: true }, () => {});
    assert.deepEqual(seen, []);
    ws.edit(shop({ title: 'a' }));
    ws.edit(shop({ title: 'b' }));
    assert.deepEqual(seen, [0], 'one layout of an empty graph');
  });

  it('takes a vscode-languageserver Connection (checked by tsc)', () => {
    const fits: Connection extends PreviewConnection ? true : false = true;
    assert.equal(fits, true);
  });

  it('announces changes and registers its methods on the connection', async () => {
    const ws = workspace(shop());
    const handlers = new Map<string, (p: never, t: { isCancellationRequested: boolean }) => unknown>();
    const sent: [string, unknown][] = [];
    registerPreview(
      { onRequest: (m, h) => handlers.set(m, h), sendNotification: (m, p) => sent.push([m, p]) },
      { ...ws.deps, layouter: heldLayouter().layouter },
    );
    assert.ok(handlers.has(GRAPH_REQUEST));
    ws.edit(shop({ title: 'x' }));
    ws.edit(shop({ title: 'y' }));
    assert.deepEqual(sent, [
      [GRAPH_CHANGED_NOTIFICATION, { version: 1 }],
      [GRAPH_CHANGED_NOTIFICATION, { version: 2 }],
    ]);
  });

  it(`collapses every system above ${AUTO_COLLAPSE_SERVICES} services when asked to`, async () => {
    const services = (n: number) => Array.from({ length: n }, (_, i) => `system s${i % 10} {\n  service svc-${i} {}\n}\n`).join('');
    const big = workspace(services(AUTO_COLLAPSE_SERVICES + 1));
    const layouter: Layouter = { layout: async (g) => ({ width: 0, height: 0, options: g.options, nodes: [], edges: [] }) };
    const service = new PreviewService({ ...big.deps, layouter }, () => {});
    const auto: GraphResponse = await service.graph({ options, autoCollapse: true });
    assert.equal(auto.graph.options.collapsed.length, 10);
    assert.ok(auto.graph.options.collapsed.includes('group:system:s3'));
    assert.deepEqual((await service.graph({ options, autoCollapse: false })).graph.options.collapsed, []);
    const small = new PreviewService({ ...workspace(services(AUTO_COLLAPSE_SERVICES)).deps, layouter }, () => {});
    assert.deepEqual((await small.graph({ options, autoCollapse: true })).graph.options.collapsed, []);
  });
});
