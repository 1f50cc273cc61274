import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { checkSources } from '../../server/src/core/check.js';
import type { Diagnostic } from '../../server/src/core/diagnostics.js';
import { DEFAULT_GRAPH_OPTIONS, type GraphOptions, type ServiceGraph } from '../../server/src/core/layout/graph.js';
import { buildServiceGraph } from '../../server/src/core/layout/graph-from-model.js';
import { graphShapeKey } from '../../server/src/core/layout/graph-shape-key.js';
import { LayoutClient, LayoutSuperseded } from '../../server/src/lsp/layout-client.js';
import { endpointViolations } from './geometry-checks.js';

const WORKER_SOURCE = join(import.meta.dirname, '..', '..', 'server', 'src', 'lsp', 'layout-worker.ts');

const TEXT = (title: string, extra = '') => `
system shop {
  service web "${title}" {
    calls api.orders-api v1 { timeout 1s }
    ${extra}
  }
  service api {
    api orders-api v1
    store db postgres
  }
}
`;

function graph(text: string, options: Partial<GraphOptions> = {}, diagnostics: Diagnostic[] = []): ServiceGraph {
  const { model } = checkSources([{ file: 'a.seams', text }], { rules: [] });
  return buildServiceGraph(model, diagnostics, { ...DEFAULT_GRAPH_OPTIONS, ...options });
}

describe('graphShapeKey', () => {
  it('ignores problems and comments, not names, titles, edges or direction', () => {
    const base = graphShapeKey(graph(TEXT('Web')));
    const warn: Diagnostic = { code: 'x', severity: 'warning', message: 'm', location: { file: 'a.seams', start: 20, end: 25 } };
    assert.equal(graphShapeKey(graph(TEXT('Web'), {}, [warn])), base);
    assert.equal(graphShapeKey(graph(`// a comment\n${TEXT('Web')}`)), base);
    assert.notEqual(graphShapeKey(graph(TEXT('Web shop'))), base);
    assert.notEqual(graphShapeKey(graph(TEXT('Web', 'calls api'))), base);
    assert.notEqual(graphShapeKey(graph(TEXT('Web'), { direction: 'down' })), base);
    assert.notEqual(graphShapeKey(graph(TEXT('Web'), { showStores: false })), base);
    assert.match(base, /^[0-9a-f]{16}$/);
  });
});

describe('LayoutClient (worker thread)', () => {
  // The worker runs as the bundle the extension ships (esbuild, CommonJS), built here into a temp folder.
  const dir = mkdtempSync(join(tmpdir(), 'seams-layout-worker-'));
  const workerFile = join(dir, 'layout-worker.cjs');
  const client = new LayoutClient({ workerFile });
  before(async () => {
    await build({ entryPoints: [WORKER_SOURCE], bundle: true, platform: 'node', format: 'cjs', outfile: workerFile, logLevel: 'silent' });
  });
  after(async () => {
    await client.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lays out in the worker, and reuses the layout when only problems changed', async () => {
    const first = await client.layout(graph(TEXT('Web')));
    assert.deepEqual(endpointViolations(first), []);
    assert.equal(client.layoutsRun, 1);
    const warn: Diagnostic = {
      code: 'missing-owner',
      severity: 'warning',
      message: 'web has no owner',
      location: { file: 'a.seams', start: TEXT('Web').indexOf('web'), end: TEXT('Web').indexOf('web') + 3 },
    };
    const second = await client.layout(graph(TEXT('Web'), {}, [warn]));
    assert.equal(client.layoutsRun, 1, 'no second layout for a problem-only change');
    const web = second.nodes.find((n) => n.id === 'service:web')!;
    assert.equal(web.severity, 'warning');
    assert.deepEqual({ x: web.x, y: web.y }, (({ x, y }) => ({ x, y }))(first.nodes.find((n) => n.id === 'service:web')!));
    await client.layout(graph(TEXT('Web', 'calls api')));
    assert.equal(client.layoutsRun, 2);
  });

  it('keeps only the newest waiting request', async () => {
    const a = client.layout(graph(TEXT('A')));
    const b = client.layout(graph(TEXT('B')));
    const bRejected = assert.rejects(b, LayoutSuperseded);
    const c = client.layout(graph(TEXT('C')));
    await a;
    await bRejected;
    const last = await c;
    assert.equal(last.nodes.find((n) => n.id === 'service:web')!.sublabel, 'C');
  });
});
