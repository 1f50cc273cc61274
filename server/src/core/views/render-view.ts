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
import type { LaidOutGraph, ServiceGraph } from '../layout/graph.js';
import { layoutGraph, type ElkLike, type LayoutSettings } from '../layout/layout.js';
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

/** Lays out a built view graph for the pane, trying the arrangements that suit its shape. */
export async function layoutForPane(graph: ServiceGraph, pane: PaneSize = DEFAULT_PANE, settings: LayoutSettings & { elk?: ElkLike } = {}): Promise<LaidOutGraph> {
  const laidOut = await layoutGraph(graph, settings.elk, settings);
  return { ...laidOut, view: graph.view, breadcrumb: graph.breadcrumb, fitScale: round2(fitScale(laidOut, pane)) };
}

/** The view, laid out for the pane. `auto` is resolved with `chooseView`. */
export async function layoutView(model: Model, diagnostics: readonly Diagnostic[], view: ViewSpec, options: ViewLayoutOptions = {}): Promise<LaidOutGraph> {
  if (view.kind === 'auto') return chooseView(model, diagnostics, options);
  const pane = options.pane ?? DEFAULT_PANE;
  const graph = buildViewGraph(model, diagnostics, view, options);
  return layoutForPane(graph, pane, { elk: options.elk, previous: options.previous });
}

/** `auto`: `all` when it is readable in the pane, else `landscape`. */
export async function chooseView(model: Model, diagnostics: readonly Diagnostic[], options: ViewLayoutOptions = {}): Promise<LaidOutGraph> {
  const pane = options.pane ?? DEFAULT_PANE;
  const all = buildViewGraph(model, diagnostics, { kind: 'all' }, options);
  if (mayBeReadable(all, pane)) {
    const laidOut = await layoutForPane(all, pane, { elk: options.elk, previous: options.previous });
    if ((laidOut.fitScale ?? 0) >= READABLE_SCALE) return laidOut;
  }
  return layoutView(model, diagnostics, { kind: 'landscape' }, options);
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
