/**
 * Layout cost for generated models of 100, 300 and 1,000 services (warm
 * medians inside one process, ELK on the calling thread):
 *
 *   expanded   every system open; effort `auto` (careful up to FAST_ABOVE in
 *              layeredSize, fast above: no model order, no ELK label dummies,
 *              thoroughness 1)
 *   careful    every system open, effort forced to careful (for comparison)
 *   collapsed  every system collapsed (what a preview opens with above
 *              AUTO_COLLAPSE_SERVICES services)
 *   one open   every system collapsed but the first
 *
 * plus buildServiceGraph and renderSvg of the expanded graph. The 1,000-service
 * expanded layout is measured once, without warm-up (it takes seconds). These figures
 * chose FAST_ABOVE and back AUTO_COLLAPSE_SERVICES (docs/architecture-layout.md).
 * `npm run bench` calls `run()`; alone: `node --import tsx test/bench/layout-bench.ts`.
 */
import { availableParallelism, loadavg } from 'node:os';
import { checkSources } from '../../server/src/core/check.js';
import { DEFAULT_GRAPH_OPTIONS, type ServiceGraph } from '../../server/src/core/layout/graph.js';
import { buildServiceGraph } from '../../server/src/core/layout/graph-from-model.js';
import { layoutGraph, type LayoutEffort } from '../../server/src/core/layout/layout.js';
import { renderSvg } from '../../server/src/core/render/svg.js';
import { AUTO_COLLAPSE_SERVICES } from '../../server/src/core/views/auto-collapse.js';
import { generateArchitecture } from '../helpers/generate-architecture.js';
import { groupId } from '../../server/src/core/ids.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildViewGraph } from '../../server/src/core/views/view-graph.js';
import { layoutView } from '../../server/src/core/views/render-view.js';
import { fitScale } from '../../server/src/core/views/view-spec.js';
import { plainElk, quality } from './layout-quality.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Median wall time and median CPU time (user + system) of `runs` calls after
 * `warmup` calls. ELK is single-threaded, so on a quiet machine the two agree;
 * on a loaded one (shared CI, 2 cores) the CPU time is the steadier figure.
 */
async function medianMs(fn: () => unknown, runs: number, warmup = 2): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn(); // JIT and ELK's own start-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

export interface Timing {
  wall: number;
  cpu: number;
}

export interface LayoutBenchRow {
  services: number;
  boxes: number;
  edges: number;
  graph: Timing;
  expanded: Timing;
  careful?: Timing;
  collapsedBoxes: number;
  collapsed: Timing;
  /** Every system collapsed but the first (a user opening one system). */
  oneOpen: Timing;
  svg: Timing;
}

const boxes = (g: ServiceGraph) => g.nodes.filter((n) => n.kind !== 'group' || n.collapsed).length;

export async function measure(services: number): Promise<LayoutBenchRow> {
  const { model, diagnostics } = checkSources(generateArchitecture({ services }));
  const runs = services >= 1000 ? 1 : 3;
  const expanded = buildServiceGraph(model, diagnostics, DEFAULT_GRAPH_OPTIONS);
  const collapsed = buildServiceGraph(model, diagnostics, {
    ...DEFAULT_GRAPH_OPTIONS,
    collapsed: [...model.systems.keys()].map((s) => groupId('system', s)),
  });
  const systems = [...model.systems.keys()];
  const oneOpen = buildServiceGraph(model, diagnostics, {
    ...DEFAULT_GRAPH_OPTIONS,
    collapsed: systems.slice(1).map((s) => groupId('system', s)),
  });
  const layout = (g: ServiceGraph, effort: LayoutEffort = 'auto') => layoutGraph(g, undefined, { effort });
  const laidOut = await layout(expanded);
  return {
    services,
    boxes: boxes(expanded),
    edges: expanded.edges.length,
    graph: await medianMs(() => buildServiceGraph(model, diagnostics, DEFAULT_GRAPH_OPTIONS), 5),
    expanded: await medianMs(() => layout(expanded), runs, services >= 1000 ? 0 : 2),
    // The careful layout of hundreds of expanded services takes many seconds; measured at 100 only.
    careful: services <= 100 ? await medianMs(() => layout(expanded, 'careful'), runs) : undefined,
    collapsedBoxes: boxes(collapsed),
    collapsed: await medianMs(() => layout(collapsed), runs),
    oneOpen: await medianMs(() => layout(oneOpen), runs),
    svg: await medianMs(() => renderSvg(laidOut, { theme: 'light' }), 5),
  };
}

const ms = (v: number) => (v < 10 ? v.toFixed(1) : v.toFixed(0));
const fmt = (t: Timing | undefined) => (t === undefined ? '—' : `${ms(t.wall)} (${ms(t.cpu)})`);

export async function run(sizes: readonly number[] = [100, 300, 1000]): Promise<LayoutBenchRow[]> {
  console.log('\n## Layout (warm medians, ms wall (cpu); ELK on the calling thread)\n');
  console.log(
    '| services | boxes | edges | graph | layout expanded (auto) | layout expanded (careful) | collapsed boxes | layout collapsed | one system open | svg |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const rows: LayoutBenchRow[] = [];
  for (const n of sizes) {
    const r = await measure(n);
    rows.push(r);
    console.log(
      `| ${r.services} | ${r.boxes} | ${r.edges} | ${fmt(r.graph)} | ${fmt(r.expanded)} | ${fmt(r.careful)} | ${r.collapsedBoxes} | ${fmt(r.collapsed)} | ${fmt(r.oneOpen)} | ${fmt(r.svg)} |`,
    );
  }
  console.log(`\nSystems start collapsed above ${AUTO_COLLAPSE_SERVICES} services (AUTO_COLLAPSE_SERVICES).`);
  await runViews();
  console.log(
    `Load average while measuring: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (cores: ${availableParallelism()}).`,
  );
  return rows;
}

// ---------------------------------------------------------------------------
// Views: quality against ELK's own layered layout, and the time to a picture.

function exampleSources(): { file: string; text: string }[] {
  const dir = join(import.meta.dirname ?? process.cwd(), '..', '..', 'examples');
  const root = existsSync(dir) ? dir : join(process.cwd(), 'examples');
  return readdirSync(root)
    .filter((f) => f.endsWith('.seams'))
    .sort()
    .map((f) => ({ file: f, text: readFileSync(join(root, f), 'utf8') }));
}

const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? '1.00' : '∞') : (a / b).toFixed(2));

async function once<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

export async function runViews(): Promise<void> {
  console.log('\n## Views: picture quality against ELK layered (same boxes and lines, flat, ELK placing labels)\n');
  console.log('views / ELK ratios: below 1 is better. Pane 520x760; `auto` is what the preview and `seams render` open with.\n');
  console.log('| model | view | crossings | bends | line length | label overlaps | area per box | size | fit | ELK size | ELK fit |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const models: [string, () => { file: string; text: string }[]][] = [
    ['examples (19 services)', exampleSources],
    ['300 services, 10 systems', () => generateArchitecture({ services: 300, systemSize: 30 })],
    ['1,000 services, 34 systems', () => generateArchitecture({ services: 1000, systemSize: 30 })],
  ];
  const timings: string[] = [];
  for (const [name, sources] of models) {
    const { model, diagnostics } = checkSources(sources());
    for (const spec of ['all', 'landscape'] as const) {
      const graph = buildViewGraph(model, diagnostics, { kind: spec });
      const ours = await once(() => layoutView(model, diagnostics, { kind: spec }));
      const elk = await once(() => plainElk(graph));
      const q = quality(ours.value);
      const e = quality(elk.value);
      console.log(
        `| ${name} | ${spec} | ${q.crossings} / ${e.crossings} = ${ratio(q.crossings, e.crossings)} | ${q.bends} / ${e.bends} = ${ratio(q.bends, e.bends)} | ${ratio(q.length, e.length)} | ${q.labelOverlaps} / ${e.labelOverlaps} | ${ratio(q.areaPerBox, e.areaPerBox)} | ${q.width}×${q.height} | ${ours.value.fitScale} | ${e.width}×${e.height} | ${fitScale(e).toFixed(2)} |`,
      );
      timings.push(`| ${name} | ${spec} | ${ms(ours.ms)} | ${ms(elk.ms)} |`);
    }
  }
  console.log('\n### Time to a picture (one cold run each, ms; views include choosing the arrangement)\n');
  console.log('| model | view | views | ELK layered |');
  console.log('|---|---|---:|---:|');
  for (const t of timings) console.log(t);

  console.log(
    '\n### `all` (warm, median of 3, ms wall (cpu): building the view and laying it out; ELK: its layered layout of the same graph)\n',
  );
  console.log('| services | all | ELK layered | all / ELK (cpu) |');
  console.log('|---:|---:|---:|---:|');
  for (const n of [300, 1000]) {
    const { model, diagnostics } = checkSources(generateArchitecture({ services: n, systemSize: 30 }));
    const graph = buildViewGraph(model, diagnostics, { kind: 'all' });
    const ours = await medianMs(() => layoutView(model, diagnostics, { kind: 'all' }), 3, 1);
    // ELK's layout of 1,000 services takes minutes: once there (warm from the rows above).
    const elk = n >= 1000 ? await medianMs(() => plainElk(graph), 1, 0) : await medianMs(() => plainElk(graph), 3, 1);
    console.log(`| ${n} | ${fmt(ours)} | ${fmt(elk)} | ${ratio(ours.cpu, elk.cpu)} |`);
  }

  console.log('\n### First `auto` picture (warm, median of 3, ms: building the view and laying it out)\n');
  console.log('| services | view chosen | auto |');
  console.log('|---:|---|---:|');
  for (const n of [1000, 10_000]) {
    const { model, diagnostics } = checkSources(generateArchitecture({ services: n, systemSize: 100, healthy: true }));
    let chosen = '';
    const t = await medianMs(
      async () => {
        const g = await layoutView(model, diagnostics, { kind: 'auto' });
        chosen = g.view?.kind ?? '';
      },
      3,
      1,
    );
    console.log(`| ${n} | ${chosen} | ${fmt(t)} |`);
  }
}

// Alone (`node --import tsx` this file); under test/bench/run.mjs, which calls run() itself.
if (import.meta.url === `file://${process.argv[1]}` && !process.env.SEAMS_BENCH_RUNNER) {
  if (process.argv[2] === 'views') await runViews();
  else await run();
}
