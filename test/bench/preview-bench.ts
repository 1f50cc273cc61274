/**
 * The preview's first picture for generated models of 300 and 1,000 services:
 * what happens between "open the preview" and "the graph is on screen".
 *
 *   check      parse, model and rules of the whole workspace (the server has
 *              this already when a preview opens; listed for the full path)
 *   graph      buildServiceGraph
 *   layout     the first layout through LayoutClient in a fresh worker thread
 *              (worker start-up and ELK load included), then a warm one
 *   svg        renderSvg (what the webview parses and what export writes)
 *   paint      the built webview in headless Chromium: from postMessage of the
 *              graph to the frame after it is drawn (webview-paint.ts, a child
 *              process so this file stays free of the browser driver)
 *
 * Two modes per size: `auto` is what a new preview shows (every system
 * collapsed above AUTO_COLLAPSE_SERVICES services), `expanded` everything open.
 * First picture = check + graph + cold layout + svg + paint; "warm worker" uses
 * the warm layout instead (the server starts the worker after its first check,
 * so a preview opened later finds it running).
 * `npm run bench` calls `run()`; alone: `node --import tsx test/bench/preview-bench.ts`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSources } from '../../server/src/core/check.js';
import { buildServiceGraph } from '../../server/src/core/layout/graph-from-model.js';
import { DEFAULT_GRAPH_OPTIONS, type LaidOutGraph } from '../../server/src/core/layout/graph.js';
import { renderSvg } from '../../server/src/core/render/svg.js';
import { LayoutClient } from '../../server/src/lsp/layout-client.js';
import { effectiveOptions, PreviewService } from '../../server/src/lsp/preview-service.js';
import { formatViewSpec, type PaneSize } from '../../server/src/core/views/view-spec.js';
import type { GraphResponse } from '../../server/src/protocol/preview-protocol.js';
import { generateArchitecture } from '../helpers/generate-architecture.js';
import { generateArchitecture as generateClustered } from '../layout/generated-architecture.js';

const root = join(import.meta.dirname ?? process.cwd(), '..', '..');

/** A layout slower than this is stopped (the worker is terminated) and reported as over the cap. */
const LAYOUT_CAP_MS = 60_000;
/** The warm layout is measured only when the cold one was quicker than this. */
const WARM_UNDER_MS = 10_000;

async function withCap<T>(work: Promise<T>, client: LayoutClient): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cap = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      void client.dispose();
      resolve(undefined);
    }, LAYOUT_CAP_MS);
  });
  try {
    return await Promise.race([work.catch(() => undefined), cap]);
  } finally {
    clearTimeout(timer);
  }
}

async function time<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

const fmt = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '—' : ms < 10 ? ms.toFixed(1) : ms.toFixed(0));

export interface PreviewBenchRow {
  services: number;
  model: Shape;
  mode: 'auto' | 'expanded';
  nodes: number;
  check: number;
  graph: number;
  layoutCold: number;
  layoutWarm: number;
  svg: number;
  paint?: number;
  firstPicture?: number;
  /** The same with the worker already started (the server warms it after its first check). */
  firstPictureWarm?: number;
}

/**
 * `clustered`: systems of 8 services calling mostly inside their system
 * (test/layout/generated-architecture.ts), the shape real architectures have.
 * `dense`: systems of 12 whose calls go to any earlier service
 * (test/helpers/generate-architecture.ts): almost every pair of systems is
 * connected, the worst case for a collapsed picture.
 */
export type Shape = 'clustered' | 'dense';

function sources(model: Shape, services: number): { file: string; text: string }[] {
  return model === 'clustered'
    ? [{ file: 'generated.seams', text: generateClustered(services) }]
    : generateArchitecture({ services, callsPerService: 3, systemSize: 12, seed: 1 });
}

const CASES: { services: number; model: Shape; modes: ('auto' | 'expanded')[] }[] = [
  { services: 300, model: 'clustered', modes: ['auto', 'expanded'] },
  { services: 1_000, model: 'clustered', modes: ['auto', 'expanded'] },
  { services: 300, model: 'dense', modes: ['auto', 'expanded'] },
  { services: 1_000, model: 'dense', modes: ['auto'] },
];

/** Measures; returns the rows (and prints them as a table). */
export async function measurePreview(cases = CASES): Promise<PreviewBenchRow[]> {
  const work = mkdtempSync(join(tmpdir(), 'seams-preview-bench-'));
  try {
    // The shipped worker bundle (esbuild.mjs); built here if missing.
    const workerFile = join(root, 'dist/layout-worker.cjs');
    if (!existsSync(workerFile)) spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
    const rows: PreviewBenchRow[] = [];
    const graphs: LaidOutGraph[] = [];
    const log = (text: string) => process.stderr.write(`[preview-bench] ${text}\n`);
    for (const { services, model, modes } of cases) {
      const files = sources(model, services);
      for (const mode of modes) {
        log(`${services} services, ${model}, ${mode}`);
        const check = await time(() => checkSources(files));
        const options = effectiveOptions({ options: DEFAULT_GRAPH_OPTIONS, autoCollapse: mode === 'auto' }, check.value.model);
        const graph = await time(() => buildServiceGraph(check.value.model, check.value.diagnostics, options));
        // A fresh client per row: the first layout pays for the worker, as when the server starts.
        const client = new LayoutClient({ workerFile });
        const cold = await time(() => withCap(client.layout(graph.value), client));
        let layoutWarm = NaN;
        if (cold.value && cold.ms < WARM_UNDER_MS) {
          // The other direction: same size of graph, and the shape-key cache cannot answer.
          const turned = { ...graph.value, options: { ...graph.value.options, direction: 'down' as const } };
          layoutWarm = (await time(() => client.layout(turned))).ms;
        }
        await client.dispose();
        if (!cold.value) {
          rows.push({
            services,
            model,
            mode,
            nodes: graph.value.nodes.length,
            check: check.ms,
            graph: graph.ms,
            layoutCold: NaN,
            layoutWarm,
            svg: NaN,
          });
          continue;
        }
        const laidOut = cold.value;
        const svg = await time(() => renderSvg(laidOut, { theme: 'light' }));
        graphs.push(laidOut);
        rows.push({
          services,
          model,
          mode,
          nodes: laidOut.nodes.length,
          check: check.ms,
          graph: graph.ms,
          layoutCold: cold.ms,
          layoutWarm,
          svg: svg.ms,
        });
      }
    }
    const paints = paintInChromium(graphs, work);
    let drawnRow = 0;
    rows.forEach((r) => {
      if (Number.isNaN(r.layoutCold)) return;
      r.paint = paints?.[drawnRow++];
      if (r.paint === undefined) return;
      r.firstPicture = r.check + r.graph + r.layoutCold + r.svg + r.paint;
      r.firstPictureWarm = r.check + r.graph + r.layoutWarm + r.svg + r.paint;
    });
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Median paint time per graph, from a child process driving Chromium; undefined without Chromium. */
function paintInChromium(graphs: LaidOutGraph[], work: string): number[] | undefined {
  if (!existsSync('/usr/bin/chromium')) {
    console.log('*** SKIP webview paint: /usr/bin/chromium is not installed ***');
    return undefined;
  }
  const input = join(work, 'graphs.json');
  writeFileSync(input, JSON.stringify(graphs));
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'test/bench/webview-paint.ts'), input], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0 || !line.startsWith('[')) {
    console.log(`webview paint failed (${r.status}): ${r.stderr.slice(-800)}`);
    return undefined;
  }
  return JSON.parse(line) as number[];
}

export interface AutoViewRow {
  services: number;
  view: string;
  nodes: number;
  fitScale: number;
  /** seams/graph with view `auto`, warm worker: graph building and every layout in the worker (median of AUTO_RUNS fresh clients). */
  request: number;
  svg: number;
  paint?: number;
  firstPicture?: number;
}

/** How many first requests the auto rows take the median of. */
const AUTO_RUNS = 3;

/** The webview's drawing area in a 520 × 760 side pane (toolbar, breadcrumb and fit margins taken off). */
const SIDE_PANE: PaneSize = { width: 488, height: 670 };

/**
 * The first picture of a new preview as it opens today: `seams/graph` with view
 * `auto` for a side pane, through PreviewService and a LayoutClient whose worker
 * is already running (the server starts it after its first check), then the SVG
 * and the paint. The check is left out: the server has it before anyone opens
 * the preview.
 */
export async function measureAutoView(sizes = [1_000, 10_000]): Promise<AutoViewRow[]> {
  const work = mkdtempSync(join(tmpdir(), 'seams-preview-auto-bench-'));
  try {
    const workerFile = join(root, 'dist/layout-worker.cjs');
    if (!existsSync(workerFile)) spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
    const rows: AutoViewRow[] = [];
    const graphs: LaidOutGraph[] = [];
    for (const services of sizes) {
      process.stderr.write(`[preview-bench] auto view, ${services} services\n`);
      const check = checkSources(sources('clustered', services));
      // Each run a new server's first request: a fresh client (no layout to reuse) whose worker
      // is warm (started, ELK loaded, as the server does after its first check). Median of AUTO_RUNS.
      const runs: { ms: number; value: GraphResponse }[] = [];
      for (let run = 0; run < AUTO_RUNS; run++) {
        const client = new LayoutClient({ workerFile });
        await client.layout({ nodes: [], edges: [], options: DEFAULT_GRAPH_OPTIONS });
        const service = new PreviewService({ current: () => check, onDidChange: () => undefined, layouter: client }, () => undefined);
        runs.push(await time(() => service.graph({ options: DEFAULT_GRAPH_OPTIONS, view: { kind: 'auto' }, pane: SIDE_PANE })));
        await client.dispose();
      }
      const request = runs.sort((a, b) => a.ms - b.ms)[runs.length >> 1]!;
      const laidOut = request.value.graph;
      const svg = await time(() => renderSvg(laidOut, { theme: 'light' }));
      graphs.push(laidOut);
      rows.push({
        services,
        view: laidOut.view ? formatViewSpec(laidOut.view) : '?',
        nodes: laidOut.nodes.length,
        fitScale: laidOut.fitScale ?? NaN,
        request: request.ms,
        svg: svg.ms,
      });
    }
    const paints = paintInChromium(graphs, work);
    rows.forEach((r, i) => {
      r.paint = paints?.[i];
      if (r.paint !== undefined) r.firstPicture = r.request + r.svg + r.paint;
    });
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Entry point for test/bench/run.mjs. */
export async function run(): Promise<void> {
  // SEAMS_BENCH_AUTO_SIZES=1000,10000 (the default) picks the model sizes.
  const sizes = (process.env.SEAMS_BENCH_AUTO_SIZES ?? '1000,10000')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const auto = await measureAutoView(sizes);
  console.log(
    `## Preview: first \`auto\` picture with a warm worker (ms, seams/graph the median of ${AUTO_RUNS}; side pane ${SIDE_PANE.width} × ${SIDE_PANE.height}; clustered models)\n`,
  );
  console.log('| services | view chosen | boxes | fit | seams/graph | svg | paint | first picture |');
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|');
  for (const r of auto) {
    console.log(
      `| ${r.services.toLocaleString('en')} | ${r.view} | ${r.nodes} | ${r.fitScale.toFixed(2)} | ${fmt(r.request)} | ${fmt(r.svg)} | ${fmt(r.paint)} | ${fmt(r.firstPicture)} |`,
    );
  }
  console.log('\nGoal (issue 10): within 1,000 ms at 10,000 services.\n');
  if (process.env.SEAMS_BENCH_AUTO_ONLY === '1') return;
  const rows = await measurePreview();
  console.log('## Preview: first picture (ms; layout in the worker; paint in headless Chromium)\n');
  console.log(
    '| services | model | mode | nodes drawn | check | graph | layout cold | layout warm | svg | paint | first picture | … warm worker |',
  );
  console.log('|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.services.toLocaleString('en')} | ${r.model} | ${r.mode} | ${r.nodes} | ${fmt(r.check)} | ${fmt(r.graph)} | ${fmt(r.layoutCold)} | ${fmt(r.layoutWarm)} | ${fmt(r.svg)} | ${fmt(r.paint)} | ${fmt(r.firstPicture)} | ${fmt(r.firstPictureWarm)} |`,
    );
  }
  console.log(
    `\n— in layout cold: stopped after ${LAYOUT_CAP_MS / 1000} s. Goal: a 300-service model shows its first picture within 1,500 ms of opening (\`auto\` row).\n`,
  );
}

if (process.argv[1] && /preview-bench\.ts$/.test(process.argv[1])) await run();
