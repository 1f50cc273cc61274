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
import type { ViewSpec } from '../views/view-spec.js';

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
  /** Libraries the service uses, in the order written. */
  libraries?: string[];
  /** The runtime the service declares (e.g. `jvm`). */
  runtime?: string;
}

/**
 * `external` is a compact box for a service outside the view's system or team
 * (it keeps the id `service:NAME`; its parent is the group of its own system).
 */
export type NodeKind = 'service' | 'store' | 'group' | 'external';

/** Set by the diff picture; the renderer styles changed elements and mutes the rest. */
export type ChangeKind = 'added' | 'removed' | 'changed';

export interface GraphNode {
  /** Stable id, built and parsed by core/ids.ts: `service:NAME`, `store:NAME`, `group:system:NAME`, … */
  id: string;
  kind: NodeKind;
  label: string;
  /** A second line (the service title, the store kind, the group title). */
  sublabel?: string;
  /** The id of the group this node sits in. */
  parent?: string;
  source?: SourceRef;
  problems: Problem[];
  /** When `problems` lists only the worst (core/layout/problem-list.ts): how many there are in all. */
  problemCount?: number;
  /** The worst severity among `problems`. */
  severity?: Severity;
  summary?: NodeSummary;
  /** For a collapsed group: how many services it stands for. */
  memberCount?: number;
  /** For the "+N more" box of a landscape: how many boxes it stands for. */
  folded?: number;
  collapsed?: boolean;
  /** For a collapsed group whose members are not all services (landscape): what it counts, plural (`systems`). */
  memberNoun?: string;
  /** A third line: a landscape box's worst problem (`error sync-cycle`). */
  detail?: string;
  /** A landscape grid box: how many boxes it reaches and is reached from (hover text). */
  links?: string;
  /** Service tier, for drawing gateways apart. */
  tier?: string;
  change?: ChangeKind;
}

export type EdgeKind = 'call' | 'subscription' | 'store';

export interface GraphEdge {
  /** Stable id (core/ids.ts), e.g. `call:orders->catalog:0`. */
  id: string;
  kind: EdgeKind;
  /** Node ids. For a subscription: publisher → subscriber. */
  source: string;
  target: string;
  /** API and version for calls (`catalog-api v2`), the event for subscriptions. */
  label?: string;
  sourceRef?: SourceRef;
  problems: Problem[];
  /** When `problems` lists only the worst: how many there are in all. */
  problemCount?: number;
  severity?: Severity;
  /** How many model lines this one line stands for (bundled lines); absent means one. */
  count?: number;
  /** The line stands for lines in both directions (arrowheads at both ends). */
  both?: boolean;
  change?: ChangeKind;
}

/** One step of the way back up from a view (`landscape` > `system:shop`). */
export interface BreadcrumbStep {
  label: string;
  view: ViewSpec;
}

export interface ServiceGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  options: GraphOptions;
  /** The view this graph draws (resolved: never `auto`). */
  view?: ViewSpec;
  breadcrumb?: BreadcrumbStep[];
  /**
   * `boxes`: no frames and no layers; boxes in a column with lines on tracks,
   * or in a grid (landscape-layout.ts), as the landscape is drawn. A system
   * view too large to read otherwise is drawn so.
   */
  arrangement?: 'boxes';
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
  /** The view drawn (resolved: never `auto`). */
  view?: ViewSpec;
  breadcrumb?: BreadcrumbStep[];
  /** fitScale of this picture in the pane it was chosen for. */
  fitScale?: number;
  /** Groups first (so they are drawn below their members), then services and stores. */
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
}
