/** Messages between the language server and its layout worker (structured clone, same process). */
import type { LaidOutGraph, ServiceGraph } from '../core/layout/graph.js';
import type { PaneSize } from '../core/views/view-spec.js';

export interface LayoutRequest {
  id: number;
  graph: ServiceGraph;
  /** The layout shown before, as a stability hint. */
  previous?: LaidOutGraph;
  /** Lay out for this pane (core/views `layoutForPane`: the arrangement that suits it, and `fitScale`). */
  pane?: PaneSize;
}

export type LayoutReply = { id: number; graph: LaidOutGraph; error?: undefined } | { id: number; error: string; graph?: undefined };
