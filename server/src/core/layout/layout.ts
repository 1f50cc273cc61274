/**
 * `ServiceGraph` -> `LaidOutGraph` with ELK's layered algorithm.
 *
 * Groups are ELK compound nodes laid out with the default hierarchy handling
 * (each group on its own, then the top level), which is fast but does not
 * route an edge that crosses a group border (docs/architecture-layout.md). So
 * every crossing edge is cut into up to three pieces that ELK does route: member
 * → a port on its group's border, port → port (or node) at the top level, and
 * port → member inside the target group. The pieces are joined again here into
 * one polyline. The middle piece carries the label, so labels of crossing edges
 * sit between groups, never on a member.
 *
 * Pure and synchronous underneath (the bundled ELK runs on the caller's thread),
 * so the language server runs it in a worker and the CLI runs it inline.
 */
import type { ElkExtendedEdge, ElkLabel, ElkNode, ElkPort, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { Box, Direction, GraphEdge, LaidOutEdge, LaidOutGraph, LaidOutNode, Point, ServiceGraph } from './graph.js';
import { FONT, textWidth } from './text-metrics.js';
import { edgeLabelBoxSize, GROUP_HEADER, GROUP_PAD, groupTitle, nodeSize } from './node-size.js';
import { placeLabelsClear } from './label-placement.js';
import { nameOfNodeId, storeEdgeId } from '../ids.js';

/** The part of ELK's API used here, so tests and the worker can pass their own instance. */
export interface ElkLike {
  layout(graph: ElkNode, args?: { layoutOptions?: LayoutOptions }): Promise<ElkNode>;
}

let sharedElk: ElkLike | undefined;

async function defaultElk(): Promise<ElkLike> {
  if (!sharedElk) {
    // The bundled build runs synchronously on this thread (no web worker needed).
    const mod = (await import('elkjs/lib/elk.bundled.js')) as unknown as { default: new () => ElkLike };
    sharedElk = new mod.default();
  }
  return sharedElk;
}

/**
 * How hard ELK works. `careful` keeps the model order (stable under small edits)
 * and lets ELK place edge labels; `fast` drops both (each costs 2–5× on large
 * graphs here) and crossing minimisation effort, and labels are placed
 * afterwards by label-placement.ts. `auto` picks by size (see FAST_ABOVE).
 */
export type LayoutEffort = 'auto' | 'careful' | 'fast';

/**
 * Above this estimated size of the layered graph `auto` means `fast`. The size
 * is boxes + edges + the dummy nodes ELK inserts where an edge spans several
 * layers (`layeredSize`), because that is what the layered algorithm's cost
 * follows: a collapsed overview of 20 systems with 357 edges between them is
 * tiny in boxes but has thousands of dummies. The examples (~200) and a
 * 60-service model get the careful layout (test/bench/layout-bench.ts).
 */
export const FAST_ABOVE = 600;

export interface LayoutSettings {
  effort?: LayoutEffort;
  /**
   * The layout shown before this one. Its positions are handed to ELK as hints
   * (semi-interactive crossing minimisation keeps the previous order of boxes
   * within a layer), so an edit moves little. New boxes borrow a neighbour's spot.
   */
  previous?: LaidOutGraph;
  /**
   * The direction in which groups (and boxes outside groups) follow each other
   * at the top level; defaults to the graph's direction. A tall pane wants
   * groups stacked (`down`) while calls inside a group run `right`.
   */
  outerDirection?: Direction;
  /**
   * Draw a store that only one service uses right beside that service, in the
   * service's own row or column, instead of as a box of its own that the
   * layered layout would put one layer further. A shared
   * store stays a box of its own, with a line from each user. Default: on
   * for `compact` (views), off for the older layout (its stability figures
   * in test/layout/stability.test.ts were measured without).
   */
  attachStores?: boolean;
  /**
   * Where edge labels come from: `elk` lets ELK place them as dummies between
   * layers (clear, but it doubles the layers); `after` places them beside
   * their line once the boxes stand (label-placement.ts). Default: `elk` for
   * careful layouts, `after` otherwise.
   */
  edgeLabels?: 'elk' | 'after';
  /** The pane-fitting spacing used by views (render-view.ts). */
  compact?: boolean;
}

/** Space between a service and the store drawn beside it. */
export const ATTACHED_STORE_GAP = 18;

/**
 * Stores drawn beside their only user: store id -> service id. A store
 * qualifies when exactly one store line reaches it, from a plain service in
 * the same group.
 */
export function attachedStores(graph: ServiceGraph): Map<string, string> {
  const users = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (e.kind !== 'store') continue;
    const list = users.get(e.target);
    if (list) list.push(e.source);
    else users.set(e.target, [e.source]);
  }
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const [store, list] of users) {
    if (list.length !== 1) continue;
    const s = byId.get(list[0]!);
    const t = byId.get(store);
    if (s?.kind === 'service' && t?.kind === 'store' && s.parent === t.parent && !taken.has(s.id)) {
      out.set(store, s.id);
      taken.add(s.id);
    }
  }
  return out;
}

/**
 * Boxes + edges + long-edge dummies under a longest-path layering (edges that
 * close a cycle ignored): a cheap, linear estimate of the layered graph ELK builds.
 */
export function layeredSize(graph: ServiceGraph): number {
  const leaves = graph.nodes.filter((n) => n.kind !== 'group' || n.collapsed).map((n) => n.id);
  const index = new Map(leaves.map((id, i) => [id, i]));
  const out: number[][] = leaves.map(() => []);
  for (const e of graph.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s !== undefined && t !== undefined && s !== t) out[s]!.push(t);
  }
  // Iterative DFS: post-order gives a topological order of the graph without back edges.
  const state = new Uint8Array(leaves.length); // 0 new, 1 on stack, 2 done
  const order: number[] = [];
  const forward: number[][] = leaves.map(() => []);
  for (let root = 0; root < leaves.length; root++) {
    if (state[root]) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [v, i] = top;
      if (i < out[v]!.length) {
        top[1]++;
        const w = out[v]![i]!;
        if (state[w] === 1) continue; // back edge: ELK reverses it; ignore for the estimate
        forward[v]!.push(w);
        if (state[w] === 0) {
          state[w] = 1;
          stack.push([w, 0]);
        }
      } else {
        state[v] = 2;
        order.push(v);
        stack.pop();
      }
    }
  }
  const layer = new Int32Array(leaves.length);
  for (let k = order.length - 1; k >= 0; k--) {
    const v = order[k]!;
    for (const w of forward[v]!) if (layer[w]! < layer[v]! + 1) layer[w] = layer[v]! + 1;
  }
  let dummies = 0;
  for (let v = 0; v < leaves.length; v++) for (const w of out[v]!) dummies += Math.max(0, Math.abs(layer[w]! - layer[v]!) - 1);
  return leaves.length + graph.edges.length + dummies;
}

function positionOption(at: { x: number; y: number } | undefined): LayoutOptions | undefined {
  return at ? { 'elk.position': `(${at.x},${at.y})` } : undefined;
}

/** Previous top-left corners by node id, and a spot for new nodes next to an old neighbour. */
function positionHints(graph: ServiceGraph, previous: LaidOutGraph | undefined): Map<string, { x: number; y: number }> {
  const hints = new Map<string, { x: number; y: number }>();
  if (!previous) return hints;
  for (const n of previous.nodes) hints.set(n.id, { x: n.x, y: n.y });
  const neighbours = new Map<string, string[]>();
  for (const e of graph.edges) {
    for (const [a, b] of [
      [e.source, e.target],
      [e.target, e.source],
    ] as const) {
      const list = neighbours.get(a);
      if (list) list.push(b);
      else neighbours.set(a, [b]);
    }
  }
  for (const n of graph.nodes) {
    if (hints.has(n.id)) continue;
    const at = (neighbours.get(n.id) ?? []).map((id) => hints.get(id)).find((p) => p !== undefined);
    if (at) hints.set(n.id, { x: at.x + 1, y: at.y + 1 });
  }
  return hints;
}

function isCareful(graph: ServiceGraph, effort: LayoutEffort): boolean {
  if (effort !== 'auto') return effort === 'careful';
  return layeredSize(graph) <= FAST_ABOVE;
}

function layeredOptions(direction: Direction, careful: boolean): LayoutOptions {
  const tuning: LayoutOptions = careful
    ? {
        // Keep the given (model) order of boxes where the algorithm has a free
        // choice: a small edit then moves little. PREFER_NODES measured best of
        // the strategies here (test/layout/stability.test.ts: NODES_AND_EDGES and
        // NONE moved boxes 3–10× more after the same edits, and cost more).
        'elk.layered.considerModelOrder.strategy': 'PREFER_NODES',
      }
    : {
        'elk.layered.thoroughness': '1',
        // No label dummies widen the gaps between layers, so leave room for labels.
        'elk.layered.spacing.nodeNodeBetweenLayers': '110',
      };
  return {
    'elk.algorithm': 'layered',
    'elk.direction': direction === 'down' ? 'DOWN' : 'RIGHT',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.spacing.nodeNode': '28',
    'elk.layered.spacing.nodeNodeBetweenLayers': '44',
    'elk.spacing.edgeNode': '14',
    'elk.spacing.edgeEdge': '8',
    'elk.spacing.edgeLabel': '3',
    'elk.spacing.labelNode': '6',
    'elk.layered.spacing.edgeNodeBetweenLayers': '14',
    ...tuning,
  };
}

interface Piece {
  /** The ELK edge id of this piece. */
  id: string;
  edgeId: string;
  order: number;
}

/** Builds the ELK input. Exposed for tests and the benchmark. */
export function toElkGraph(
  graph: ServiceGraph,
  settings: LayoutSettings = {},
): { root: ElkNode; pieces: Piece[]; attached: Map<string, string> } {
  const careful = isCareful(graph, settings.effort ?? 'auto');
  const hints = positionHints(graph, settings.previous);
  const options = layeredOptions(graph.options.direction, careful);
  const outer = layeredOptions(settings.outerDirection ?? graph.options.direction, careful);
  if (settings.compact) {
    // Tighter spacing (labels sit beside their lines, not in layers of their
    // own) and, at the top level, groups aligned to one side rather than
    // centred on their lines, which left a stack of groups much wider than
    // its widest group (test/bench/layout-bench.ts, docs/preview.md "Views").
    const tight = {
      'elk.spacing.nodeNode': '20',
      'elk.layered.spacing.nodeNodeBetweenLayers': '32',
      'elk.layered.spacing.edgeNodeBetweenLayers': '10',
    };
    Object.assign(options, tight, { 'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED' });
    Object.assign(outer, tight, { 'elk.layered.nodePlacement.strategy': 'SIMPLE' });
  }
  if (hints.size > 0) {
    options['elk.layered.crossingMinimization.semiInteractive'] = 'true';
    outer['elk.layered.crossingMinimization.semiInteractive'] = 'true';
  }
  const root: ElkNode = {
    id: '__root',
    layoutOptions: {
      ...outer,
      'elk.padding': '[top=16,left=16,bottom=16,right=16]',
      'elk.json.shapeCoords': 'ROOT',
      'elk.json.edgeCoords': 'ROOT',
    },
    children: [],
    edges: [],
  };
  const groups = new Map<string, ElkNode>();
  const groupOf = new Map<string, string>();
  const attached = (settings.attachStores ?? settings.compact ?? false) ? attachedStores(graph) : new Map<string, string>();
  const besides = new Map<string, { width: number; height: number }>();
  for (const [store, service] of attached) {
    const size = nodeSize(graph.nodes.find((n) => n.id === store)!);
    const b = besides.get(service) ?? { width: 0, height: 0 };
    besides.set(service, { width: b.width + ATTACHED_STORE_GAP + size.width, height: Math.max(b.height, size.height) });
  }
  const down = graph.options.direction === 'down';
  for (const n of graph.nodes) {
    if (n.kind === 'group' && !n.collapsed) {
      const min = textWidth(groupTitle(n), FONT.groupTitle) + 2 * GROUP_PAD + 24;
      const g: ElkNode = {
        id: n.id,
        layoutOptions: {
          ...positionOption(hints.get(n.id)),
          ...options,
          'elk.padding': `[top=${GROUP_HEADER + 10},left=${GROUP_PAD},bottom=${GROUP_PAD},right=${GROUP_PAD}]`,
          'elk.portConstraints': 'FIXED_SIDE',
          'elk.nodeSize.constraints': 'MINIMUM_SIZE',
          'elk.nodeSize.minimum': `(${min},${GROUP_HEADER + 40})`,
        },
        children: [],
        ports: [],
        edges: [],
      };
      groups.set(n.id, g);
      root.children!.push(g);
    }
  }
  for (const n of graph.nodes) {
    if (groups.has(n.id) || attached.has(n.id)) continue;
    const size = nodeSize(n);
    const elkNode: ElkNode = { id: n.id, width: size.width, height: size.height, layoutOptions: positionOption(hints.get(n.id)) };
    const beside = besides.get(n.id);
    if (beside) {
      // One box for ELK: the service with its stores beside it (right of it
      // when calls run down, below it when they run right). Line ends are
      // moved onto the service itself afterwards (onServicePart).
      if (down) {
        elkNode.width = size.width + beside.width;
        elkNode.height = Math.max(size.height, beside.height);
      } else {
        elkNode.width = Math.max(size.width, beside.width - ATTACHED_STORE_GAP);
        elkNode.height = size.height + ATTACHED_STORE_GAP + beside.height;
      }
    }
    const parent = n.parent !== undefined ? groups.get(n.parent) : undefined;
    if (parent) {
      parent.children!.push(elkNode);
      groupOf.set(n.id, parent.id);
    } else {
      root.children!.push(elkNode);
    }
  }

  const pieces: Piece[] = [];
  const elkLabels = (settings.edgeLabels ?? (careful ? 'elk' : 'after')) === 'elk';
  const labelOf = (e: GraphEdge): ElkLabel[] | undefined =>
    e.label && elkLabels ? [{ id: `${e.id}#label`, text: e.label, ...edgeLabelBoxSize(e) }] : undefined;
  const add = (container: ElkNode, edge: ElkExtendedEdge, e: GraphEdge, order: number): void => {
    container.edges!.push(edge);
    pieces.push({ id: edge.id, edgeId: e.id, order });
  };
  const port = (group: ElkNode, id: string, out: boolean): string => {
    const side = out ? (down ? 'SOUTH' : 'EAST') : down ? 'NORTH' : 'WEST';
    const p: ElkPort = { id, width: 0, height: 0, layoutOptions: { 'elk.port.side': side } };
    group.ports!.push(p);
    return id;
  };
  // Edges between a collapsed group and members of an expanded one share one
  // port and one top-level piece per (group, collapsed group, direction, kind):
  // in a large collapsed model every member may be joined to every collapsed
  // group, and one top-level edge each made the layout several times slower.
  const collapsedIds = new Set(graph.nodes.filter((n) => n.kind === 'group' && n.collapsed).map((n) => n.id));
  const bundles = new Map<string, { port: string; piece: string }>();
  const bundle = (group: string, outside: string, out: boolean, e: GraphEdge): { port: string; piece: string } => {
    const key = `${out ? 'out' : 'in'}|${group}|${outside}|${e.kind}`;
    let b = bundles.get(key);
    if (!b) {
      const n = bundles.size;
      const portId = port(groups.get(group)!, `b${n}.port`, out);
      const piece = `b${n}`;
      root.edges!.push({ id: piece, sources: [out ? portId : outside], targets: [out ? outside : portId] });
      b = { port: portId, piece };
      bundles.set(key, b);
    }
    return b;
  };
  graph.edges.forEach((e, i) => {
    if (e.kind === 'store' && attached.get(e.target) === e.source) return;
    const sg = groupOf.get(e.source);
    const tg = groupOf.get(e.target);
    if (sg !== undefined && tg === undefined && collapsedIds.has(e.target)) {
      const b = bundle(sg, e.target, true, e);
      add(groups.get(sg)!, { id: `e${i}.a`, sources: [e.source], targets: [b.port] }, e, 0);
      pieces.push({ id: b.piece, edgeId: e.id, order: 1 });
      return;
    }
    if (tg !== undefined && sg === undefined && collapsedIds.has(e.source)) {
      const b = bundle(tg, e.source, false, e);
      pieces.push({ id: b.piece, edgeId: e.id, order: 1 });
      add(groups.get(tg)!, { id: `e${i}.c`, sources: [b.port], targets: [e.target] }, e, 2);
      return;
    }
    if (sg === tg) {
      const container = sg !== undefined ? groups.get(sg)! : root;
      add(container, { id: `e${i}`, sources: [e.source], targets: [e.target], labels: labelOf(e) }, e, 0);
      return;
    }
    let from = e.source;
    let to = e.target;
    if (sg !== undefined) {
      from = port(groups.get(sg)!, `e${i}.out`, true);
      add(groups.get(sg)!, { id: `e${i}.a`, sources: [e.source], targets: [from] }, e, 0);
    }
    if (tg !== undefined) {
      to = port(groups.get(tg)!, `e${i}.in`, false);
      add(groups.get(tg)!, { id: `e${i}.c`, sources: [to], targets: [e.target] }, e, 2);
    }
    add(root, { id: `e${i}.b`, sources: [from], targets: [to], labels: labelOf(e) }, e, 1);
  });
  return { root, pieces, attached };
}

function round(v: number): number {
  return Math.round(v);
}

/** Lays out the graph. Deterministic: the same graph gives the same coordinates. */
export async function layoutGraph(graph: ServiceGraph, elk?: ElkLike, settings: LayoutSettings = {}): Promise<LaidOutGraph> {
  const { root, pieces, attached } = toElkGraph(graph, settings);
  const engine = elk ?? (await defaultElk());
  const result = await engine.layout(root);

  const shapes = new Map<string, ElkNode>();
  const elkEdges = new Map<string, ElkExtendedEdge>();
  const walk = (n: ElkNode): void => {
    for (const c of n.children ?? []) {
      shapes.set(c.id, c);
      walk(c);
    }
    for (const e of n.edges ?? []) elkEdges.set(e.id, e);
  };
  walk(result);

  const nodes: LaidOutNode[] = graph.nodes.map((n) => {
    const s = shapes.get(n.id);
    return { ...n, x: round(s?.x ?? 0), y: round(s?.y ?? 0), width: round(s?.width ?? 0), height: round(s?.height ?? 0) };
  });
  const storeLines = placeAttachedStores(nodes, attached, graph.options.direction === 'down');
  const combined = new Set(attached.values());

  const byEdge = new Map<string, Piece[]>();
  for (const p of pieces) {
    const list = byEdge.get(p.edgeId);
    if (list) list.push(p);
    else byEdge.set(p.edgeId, [p]);
  }
  let nodeIndex: Map<string, LaidOutNode> | undefined;
  const edges: LaidOutEdge[] = graph.edges.map((e) => {
    const parts = (byEdge.get(e.id) ?? []).sort((a, b) => a.order - b.order);
    const points: Point[] = [];
    let labelBox: Box | undefined;
    for (const part of parts) {
      const elkEdge = elkEdges.get(part.id);
      for (const section of elkEdge?.sections ?? []) {
        for (const p of [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]) {
          const q = { x: round(p.x), y: round(p.y) };
          const last = points[points.length - 1];
          if (!last || last.x !== q.x || last.y !== q.y) points.push(q);
        }
      }
      const label = elkEdge?.labels?.[0];
      if (label && label.x !== undefined && label.y !== undefined) {
        labelBox = { x: round(label.x), y: round(label.y), width: round(label.width ?? 0), height: round(label.height ?? 0) };
      }
    }
    const beside = storeLines.get(e.id);
    if (beside && points.length < 2) points.push(...beside);
    if (points.length < 2) points.push(...fallbackLine(e, nodes));
    if (combined.size > 0 && (combined.has(e.source) || combined.has(e.target))) {
      const straight = straighten(points);
      points.length = 0;
      points.push(...straight);
      const byId = nodeIndex ?? (nodeIndex = new Map(nodes.map((n) => [n.id, n])));
      if (combined.has(e.source)) onServicePart(points, byId.get(e.source)!, false);
      if (combined.has(e.target)) onServicePart(points, byId.get(e.target)!, true);
    }
    const out: LaidOutEdge = { ...e, points: straighten(points) };
    if (labelBox && e.label) out.labelBox = labelBox;
    return out;
  });

  placeLabelsClear(nodes, edges);
  let width = round(result.width ?? 0);
  let height = round(result.height ?? 0);
  for (const e of edges) {
    if (!e.labelBox) continue;
    width = Math.max(width, e.labelBox.x + e.labelBox.width + 4);
    height = Math.max(height, e.labelBox.y + e.labelBox.height + 4);
  }
  return {
    width,
    height,
    options: graph.options,
    nodes,
    edges,
  };
}

/**
 * Splits each combined box back into its service and the store beside it
 * (right of it when `down`, below it otherwise); returns the short store lines
 * by edge id. The service keeps the combined box's top-left corner (centred
 * vertically when the store is taller).
 */
function placeAttachedStores(nodes: LaidOutNode[], attached: ReadonlyMap<string, string>, down: boolean): Map<string, Point[]> {
  const lines = new Map<string, Point[]>();
  if (attached.size === 0) return lines;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) {
    const owner = attached.get(n.id);
    if (owner === undefined) continue;
    const s = byId.get(owner)!;
    const own = nodeSize(s);
    const store = nodeSize(n);
    n.width = store.width;
    n.height = store.height;
    if (down) {
      const top = s.y + Math.round((s.height - own.height) / 2);
      const mid = top + Math.round(own.height / 2);
      n.x = s.x + own.width + ATTACHED_STORE_GAP;
      n.y = mid - Math.round(store.height / 2);
      s.y = top;
      lines.set(storeEdgeId(nameOfNodeId(owner), nameOfNodeId(n.id)), [
        { x: s.x + own.width, y: mid },
        { x: n.x, y: mid },
      ]);
    } else {
      n.x = s.x;
      n.y = s.y + own.height + ATTACHED_STORE_GAP;
      const x = s.x + Math.round(Math.min(own.width, store.width) / 2);
      lines.set(storeEdgeId(nameOfNodeId(owner), nameOfNodeId(n.id)), [
        { x, y: s.y + own.height },
        { x, y: n.y },
      ]);
    }
    s.width = own.width;
    s.height = own.height;
  }
  return lines;
}

/**
 * ELK routed a line to the combined box of a service and its store; move its
 * end onto the service's own border, keeping the line orthogonal: the end
 * slides along the border it reached (clamped to the service), and the point
 * before it follows so the last segment keeps its direction.
 */
function onServicePart(points: Point[], service: Box, atEnd: boolean): void {
  if (points.length < 2) return;
  const i = atEnd ? points.length - 1 : 0;
  const j = atEnd ? points.length - 2 : 1;
  const p = points[i]!;
  const q = points[j]!;
  const inset = Math.min(8, service.width / 4);
  const vertical = p.x === q.x; // the last segment runs up or down: the end is on a top or bottom side
  if (vertical) {
    const x = Math.max(service.x + inset, Math.min(service.x + service.width - inset, p.x));
    const y = p.y <= service.y + service.height / 2 ? service.y : service.y + service.height;
    if (x !== p.x) {
      if (points.length === 2) {
        // A straight line: keep the far end, add a jog halfway.
        const midY = Math.round((p.y + q.y) / 2);
        points.splice(
          atEnd ? 1 : 1,
          0,
          ...(atEnd
            ? [
                { x: q.x, y: midY },
                { x, y: midY },
              ]
            : [
                { x, y: midY },
                { x: q.x, y: midY },
              ]),
        );
        points[atEnd ? points.length - 1 : 0] = { x, y };
        return;
      }
      points[j] = { x, y: q.y };
    }
    points[i] = { x, y };
  } else {
    const y = Math.max(service.y + 6, Math.min(service.y + service.height - 6, p.y));
    const x = p.x <= service.x + service.width / 2 ? service.x : service.x + service.width;
    if (y !== p.y) {
      if (points.length === 2) {
        const midX = Math.round((p.x + q.x) / 2);
        points.splice(
          1,
          0,
          ...(atEnd
            ? [
                { x: midX, y: q.y },
                { x: midX, y },
              ]
            : [
                { x: midX, y },
                { x: midX, y: q.y },
              ]),
        );
        points[atEnd ? points.length - 1 : 0] = { x, y };
        return;
      }
      points[j] = { x: q.x, y };
    }
    points[i] = { x, y };
  }
}

/**
 * Rounding and the zero-size ports can leave a 1 px kink where pieces meet;
 * turn such near-axis steps into straight segments by dropping the middle point
 * when three points are collinear.
 */
function straighten(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    out.push(p);
    while (out.length >= 3) {
      const [a, b, c] = out.slice(-3) as [Point, Point, Point];
      const collinear = (a.x === b.x && b.x === c.x) || (a.y === b.y && b.y === c.y);
      if (!collinear) break;
      out.splice(out.length - 2, 1);
    }
  }
  return out;
}

/** Should ELK leave an edge unrouted, join the box centres' facing borders. */
function fallbackLine(e: GraphEdge, nodes: readonly LaidOutNode[]): Point[] {
  const s = nodes.find((n) => n.id === e.source);
  const t = nodes.find((n) => n.id === e.target);
  if (!s || !t)
    return [
      { x: 0, y: 0 },
      { x: 0, y: 0 },
    ];
  return [borderPoint(s, t), borderPoint(t, s)];
}

function borderPoint(from: Box, to: Box): Point {
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  const dx = to.x + to.width / 2 - cx;
  const dy = to.y + to.height / 2 - cy;
  if (dx === 0 && dy === 0) return { x: round(cx), y: round(from.y) };
  const sx = dx === 0 ? Infinity : from.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : from.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: round(cx + dx * s), y: round(cy + dy * s) };
}
