/**
 * The service graph as data: first unpositioned (`ServiceGraph`, derived from the
 * model by graph-from-model.ts), then laid out (`LaidOutGraph`, produced by the
 * ELK layout). The SVG renderer, `seams render` and the webview all draw a
 * `LaidOutGraph`; the webview never sees `.seams` text or the model.
 *
 * Every string here comes from the user's files: whoever turns it into markup
 * must escape it.
 */
import type { Severity } from '../diagnostics.js';

export type Direction = 'right' | 'down';
export type Grouping = 'system' | 'team' | 'none';

export interface GraphOptions {
  direction: Direction;
  grouping: Grouping;
  /** Draw stores as cylinders beside their services. */
  showStores: boolean;
  /** Group ids drawn collapsed (one box standing for their members). */
  collapsed: readonly string[];
  /** Keep only nodes (and edges between them) that carry problems. */
  problemsOnly: boolean;
  /** Show only this service and its neighbours up to `focusHops` hops. */
  focus?: string;
  focusHops?: number;
}

export const DEFAULT_GRAPH_OPTIONS: GraphOptions = {
  direction: 'right',
  grouping: 'system',
  showStores: true,
  collapsed: [],
  problemsOnly: false,
};

/** Where in the sources a node or edge is declared. */
export interface SourceRef {
  file: string;
  start: number;
  end: number;
}

export interface Problem {
  severity: Severity;
  code: string;
  message: string;
}

export interface NodeSummary {
  owner?: string;
  tier?: string;
  system?: string;
  /** e.g. `api orders-api v1 (grpc)`, `event order-placed v3`. */
  contracts: string[];
  stores: string[];
}

export type NodeKind = 'service' | 'store' | 'group';

export interface GraphNode {
  /** Stable id: `service:NAME`, `store:NAME`, `group:system:NAME`, `group:team:NAME`. */
  id: string;
  kind: NodeKind;
  label: string;
  /** A second line (the service title, the store kind, the group title). */
  sublabel?: string;
  /** The id of the group this node sits in. */
  parent?: string;
  source?: SourceRef;
  problems: Problem[];
  /** The worst severity among `problems`. */
  severity?: Severity;
  summary?: NodeSummary;
  /** For a collapsed group: how many services it stands for. */
  memberCount?: number;
  collapsed?: boolean;
}

export type EdgeKind = 'call' | 'subscription' | 'store';

export interface GraphEdge {
  /** Stable id, e.g. `call:orders->catalog:0`. */
  id: string;
  kind: EdgeKind;
  /** Node ids. For a subscription: publisher → subscriber. */
  source: string;
  target: string;
  /** API and version for calls (`catalog-api v2`), the event for subscriptions. */
  label?: string;
  sourceRef?: SourceRef;
  problems: Problem[];
  severity?: Severity;
}

export interface ServiceGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  options: GraphOptions;
}

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Absolute coordinates (top-left origin) for everything. */
export interface LaidOutNode extends GraphNode, Box {}

export interface LaidOutEdge extends GraphEdge {
  /** The polyline from source to target, at least two points. */
  points: Point[];
  /** Where the label is drawn, clear of every node. */
  labelBox?: Box;
}

export interface LaidOutGraph {
  width: number;
  height: number;
  options: GraphOptions;
  /** Groups first (so they are drawn below their members), then services and stores. */
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
}
