/**
 * Layout cost for generated models of 100, 300 and 1,000 services (warm
 * medians inside one process, ELK on the calling thread):
 *
 *   expanded   every system open; effort `auto` (careful up to FAST_ABOVE boxes,
 *              fast above: no model order, no ELK label dummies, thoroughness 1)
 *   careful    every system open, effort forced to careful (for comparison)
 *   collapsed  every system collapsed (what a preview opens with above
 *              AUTO_COLLAPSE_SERVICES services)
 *
 * plus buildServiceGraph and renderSvg of the expanded graph. These figures
 * chose FAST_ABOVE and back AUTO_COLLAPSE_SERVICES (docs/architecture-layout.md).
 * `npm run bench` calls `run()`; alone: `node --import tsx test/bench/layout-bench.ts`.
 */
import { checkSources } from '../../server/src/core/check.js';
import { DEFAULT_GRAPH_OPTIONS, type ServiceGraph } from '../../server/src/core/layout/graph.js';
import { buildServiceGraph } from '../../server/src/core/layout/graph-from-model.js';
import { layoutGraph, type LayoutEffort } from '../../server/src/core/layout/layout.js';
import { renderSvg } from '../../server/src/core/render/svg.js';
import { AUTO_COLLAPSE_SERVICES } from '../../server/src/protocol/preview-protocol.js';
import { generateArchitecture } from '../helpers/generate-architecture.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function medianMs(fn: () => unknown, runs: number): Promise<number> {
  await fn(); // warm-up: JIT and ELK's own start-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export interface LayoutBenchRow {
  services: number;
  boxes: number;
  edges: number;
  graphMs: number;
  expandedMs: number;
  carefulMs?: number;
  collapsedBoxes: number;
  collapsedMs: number;
  svgMs: number;
}

const boxes = (g: ServiceGraph) => g.nodes.filter((n) => n.kind !== 'group' || n.collapsed).length;

export async function measure(services: number): Promise<LayoutBenchRow> {
  const { model, diagnostics } = checkSources(generateArchitecture({ services }));
  const runs = services >= 1000 ? 3 : 5;
  const expanded = buildServiceGraph(model, diagnostics, DEFAULT_GRAPH_OPTIONS);
  const collapsed = buildServiceGraph(model, diagnostics, {
    ...DEFAULT_GRAPH_OPTIONS,
    collapsed: [...model.systems.keys()].map((s) => `group:system:${s}`),
  });
  const layout = (g: ServiceGraph, effort: LayoutEffort = 'auto') => layoutGraph(g, undefined, { effort });
  const laidOut = await layout(expanded);
  return {
    services,
    boxes: boxes(expanded),
    edges: expanded.edges.length,
    graphMs: await medianMs(() => buildServiceGraph(model, diagnostics, DEFAULT_GRAPH_OPTIONS), runs),
    expandedMs: await medianMs(() => layout(expanded), runs),
    // The careful layout of 1,000 expanded services takes minutes here; not worth a bench run.
    carefulMs: services <= 300 ? await medianMs(() => layout(expanded, 'careful'), Math.min(runs, 3)) : undefined,
    collapsedBoxes: boxes(collapsed),
    collapsedMs: await medianMs(() => layout(collapsed), runs),
    svgMs: await medianMs(() => renderSvg(laidOut, { theme: 'light' }), runs),
  };
}

const fmt = (ms: number | undefined) => (ms === undefined ? '—' : ms < 10 ? ms.toFixed(1) : ms.toFixed(0));

export async function run(sizes: readonly number[] = [100, 300, 1000]): Promise<LayoutBenchRow[]> {
  console.log('\n## Layout (warm medians, ms; ELK on the calling thread)\n');
  console.log('| services | boxes | edges | graph | layout expanded (auto) | layout expanded (careful) | collapsed boxes | layout collapsed | svg |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const rows: LayoutBenchRow[] = [];
  for (const n of sizes) {
    const r = await measure(n);
    rows.push(r);
    console.log(
      `| ${r.services} | ${r.boxes} | ${r.edges} | ${fmt(r.graphMs)} | ${fmt(r.expandedMs)} | ${fmt(r.carefulMs)} | ${r.collapsedBoxes} | ${fmt(r.collapsedMs)} | ${fmt(r.svgMs)} |`,
    );
  }
  console.log(`\nSystems start collapsed above ${AUTO_COLLAPSE_SERVICES} services (AUTO_COLLAPSE_SERVICES).`);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
