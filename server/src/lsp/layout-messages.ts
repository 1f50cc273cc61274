/** Messages between the language server and its layout worker (structured clone, same process). */
import type { LaidOutGraph, ServiceGraph } from '../core/layout/graph.js';

export interface LayoutRequest {
  id: number;
  graph: ServiceGraph;
  /** The layout shown before, as a stability hint. */
  previous?: LaidOutGraph;
}

export type LayoutReply = { id: number; graph: LaidOutGraph; error?: undefined } | { id: number; error: string; graph?: undefined };
