/**
 * A view, laid out for a pane: `layoutView` lays out one view's graph in the
 * arrangement that fits the pane best; `chooseView` resolves `auto` to the
 * most detailed readable view (`all` when it fits at READABLE_SCALE or more,
 * else `landscape`). Both are async only because the layout engine is; they
 * are pure otherwise. The language server runs them in its layout worker, the
 * CLI inline.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Model } from '../model/model.js';
import type { Direction, LaidOutGraph, ServiceGraph } from '../layout/graph.js';
import { layeredSize, layoutGraph, type ElkLike, type LayoutSettings } from '../layout/layout.js';
import { layoutLandscape } from '../layout/landscape-layout.js';
import { hasOpenGroups, layoutGroupColumn } from '../layout/group-column-layout.js';
import { LEGEND_HEIGHT, LEGEND_WIDTH } from '../render/svg.js';
import { nodeSize } from '../layout/node-size.js';
import { buildViewGraph, type ViewGraphOptions } from './view-graph.js';
import { DEFAULT_PANE, fitScale, READABLE_SCALE, type PaneSize, type ViewSpec } from './view-spec.js';

export interface ViewLayoutOptions extends ViewGraphOptions {
  pane?: PaneSize;
  elk?: ElkLike;
  /** The picture shown before, as a stability hint for the layout. */
  previous?: LaidOutGraph;
}

/**
 * A cheap lower bound of a graph's natural area: the boxes alone, with the
 * least spacing the layout keeps between them. When even that exceeds the
 * readable area of the pane, laying the graph out is pointless.
 */
export function minimumArea(graph: ServiceGraph): number {
  let area = 0;
  for (const n of graph.nodes) {
    if (n.kind === 'group' && !n.collapsed) continue;
    const s = nodeSize(n);
    area += (s.width + 20) * (s.height + 28);
  }
  return area;
}

/** Whether a graph may fit the pane at READABLE_SCALE (false means it certainly cannot). */
export function mayBeReadable(graph: ServiceGraph, pane: PaneSize = DEFAULT_PANE): boolean {
  const readableArea = (pane.width / READABLE_SCALE) * (pane.height / READABLE_SCALE);
  return minimumArea(graph) <= readableArea;
}

/**
 * The arrangements tried for a pane, most detailed first: calls run down and
 * groups stack in a tall pane (right and side by side in a wide one), labels
 * placed beside their lines; then the same without service titles and store
 * kinds (the hover card still has them). The first readable one wins; when
 * none is, the one that fits best.
 */
function arrangements(pane: PaneSize): { direction: Direction; outer: Direction; titles: boolean }[] {
  const tall = pane.height >= pane.width;
  const main: Direction = tall ? 'down' : 'right';
  const other: Direction = tall ? 'right' : 'down';
  return [
    { direction: main, outer: main, titles: true },
    { direction: main, outer: main, titles: false },
    { direction: other, outer: main, titles: false },
  ];
}

/** Drops service titles and store kinds: one line per box. */
function withoutTitles(graph: ServiceGraph): ServiceGraph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.kind === 'service' || n.kind === 'store' ? { ...n, sublabel: undefined } : n)) };
}

/**
 * Above this layered size only the first arrangement is tried: ELK's time
 * grows faster than linearly and such graphs are far from readable anyway.
 */
const TRY_ALL_BELOW = 400;

/** Lays out a built view graph for the pane, trying the arrangements that suit its shape. */
export async function layoutForPane(
  graph: ServiceGraph,
  pane: PaneSize = DEFAULT_PANE,
  settings: LayoutSettings & { elk?: ElkLike; direction?: Direction } = {},
): Promise<LaidOutGraph> {
  // The fit of the picture as drawn: the legend below it counts.
  const finish = (laidOut: LaidOutGraph): LaidOutGraph => ({
    ...laidOut,
    view: graph.view,
    breadcrumb: graph.breadcrumb,
    fitScale:
      Math.floor(fitScale({ width: Math.max(laidOut.width, LEGEND_WIDTH + 32), height: laidOut.height + LEGEND_HEIGHT }, pane) * 100) / 100,
  });
  if (graph.view?.kind === 'landscape' || graph.arrangement === 'boxes') return finish(layoutLandscape(graph, pane));
  const fixed = settings.direction;
  const all = fixed
    ? arrangements(pane)
        .map((a) => ({ ...a, direction: fixed, outer: fixed }))
        .slice(0, 2)
    : arrangements(pane);
  const large = layeredSize(graph) > TRY_ALL_BELOW;
  if (large && graph.view?.kind === 'all' && hasOpenGroups(graph)) {
    // Far from readable, and one ELK run over the whole model costs a minute
    // at 1,000 services: each group alone, calls running right inside it unless
    // asked otherwise (wide groups keep the stack nearer the pane's shape), the groups
    // stacked, lines between groups bundled on tracks (group-column-layout.ts).
    return finish(await layoutGroupColumn(graph, settings.elk, settings.direction ?? 'right'));
  }
  if (large) {
    // Far from readable in any arrangement: the plain layered layout, which
    // is the fastest here (the compact settings cost minutes at 1,000
    // services: test/bench/layout-bench.ts).
    return finish(await layoutGraph(graph, settings.elk, { ...settings, direction: undefined } as LayoutSettings));
  }
  const tries = all;
  let best: LaidOutGraph | undefined;
  for (const a of tries) {
    const g = a.titles ? graph : withoutTitles(graph);
    const laidOut = finish(
      await layoutGraph({ ...g, options: { ...g.options, direction: a.direction } }, settings.elk, {
        ...settings,
        outerDirection: a.outer,
        edgeLabels: settings.edgeLabels ?? 'after',
        compact: true,
      }),
    );
    if ((laidOut.fitScale ?? 0) >= READABLE_SCALE) return laidOut;
    if (!best || (laidOut.fitScale ?? 0) > (best.fitScale ?? 0)) best = laidOut;
  }
  return best!;
}

/**
 * Lays a built view graph out for a pane. The CLI lays out inline
 * (`layoutForPane`); the language server passes one that runs in its layout
 * worker, so `auto` has one owner, here.
 */
export type PaneLayout = (graph: ServiceGraph, pane: PaneSize) => Promise<LaidOutGraph>;

/**
 * The `all` graph when it may be readable in the pane, else undefined. Every
 * service is a box of at least 110 x 36 px plus spacing: when the services
 * alone cannot fit, `all` is not even built (at 10,000 services that would
 * cost more than the whole landscape).
 */
function allCandidate(
  model: Model,
  diagnostics: readonly Diagnostic[],
  pane: PaneSize,
  options: ViewGraphOptions,
): ServiceGraph | undefined {
  const readableArea = (pane.width / READABLE_SCALE) * (pane.height / READABLE_SCALE);
  if (model.services.size * (110 + 20) * (36 + 28) > readableArea) return undefined;
  const all = buildViewGraph(model, diagnostics, { kind: 'all' }, options);
  return mayBeReadable(all, pane) ? all : undefined;
}

/**
 * `auto`: `all` when it is readable in the pane, else `landscape`. `layout`
 * lays out each candidate (inline by default); the landscape is built for the
 * pane, so it never holds more boxes than the pane can show.
 */
export async function chooseView(
  model: Model,
  diagnostics: readonly Diagnostic[],
  options: ViewLayoutOptions = {},
  layout: PaneLayout = (graph, pane) =>
    layoutForPane(graph, pane, { elk: options.elk, previous: options.previous, direction: options.direction }),
): Promise<LaidOutGraph> {
  const pane = options.pane ?? DEFAULT_PANE;
  const all = allCandidate(model, diagnostics, pane, options);
  if (all) {
    const laidOut = await layout(all, pane);
    if ((laidOut.fitScale ?? fitScale(laidOut, pane)) >= READABLE_SCALE) return laidOut;
  }
  return layout(buildViewGraph(model, diagnostics, { kind: 'landscape' }, { ...options, pane }), pane);
}

/**
 * The view, laid out for the pane by `layout` (inline by default). `auto` is
 * resolved with `chooseView`. A system or team view draws each outside
 * neighbour as its own compact box when that is readable, else one box per
 * outside system (view-graph.ts, `outside`).
 */
export async function layoutView(
  model: Model,
  diagnostics: readonly Diagnostic[],
  view: ViewSpec,
  options: ViewLayoutOptions = {},
  layout: PaneLayout = (graph, pane) =>
    layoutForPane(graph, pane, { elk: options.elk, previous: options.previous, direction: options.direction }),
): Promise<LaidOutGraph> {
  if (view.kind === 'auto') return chooseView(model, diagnostics, options, layout);
  const pane = options.pane ?? DEFAULT_PANE;
  const graphOptions: ViewGraphOptions = { ...options, pane };
  if ((view.kind === 'system' || view.kind === 'team') && options.outside === undefined) {
    // Most detailed first: each outside neighbour, then each outside system, in frames and layers;
    // then the same as boxes only (no stores, no frames) in a column or a grid.
    let hasOutside = true;
    for (const outside of ['services', 'systems'] as const) {
      if (!hasOutside) break;
      const graph = buildViewGraph(model, diagnostics, view, { ...graphOptions, outside });
      hasOutside = graph.nodes.some((n) => n.kind === 'external');
      if (!mayBeReadable(graph, pane)) continue;
      const laidOut = await layout(graph, pane);
      if ((laidOut.fitScale ?? fitScale(laidOut, pane)) >= READABLE_SCALE) return laidOut;
    }
    return layout(buildViewGraph(model, diagnostics, view, { ...graphOptions, outside: 'boxes' }), pane);
  }
  return layout(buildViewGraph(model, diagnostics, view, graphOptions), pane);
}
