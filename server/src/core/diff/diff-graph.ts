/**
 * The graph of the diff picture: both models' service graphs laid over each
 * other, each node and edge marked `added`, `removed` or `changed` from the
 * model diff (the renderer of `seams render` styles the marks and mutes the
 * rest). Pure and synchronous; the caller lays it out.
 *
 * - Nodes are matched by graph id (`service:NAME`, `store:NAME`,
 *   `group:system:NAME`): those ids are names, so they are identities.
 * - Call and subscription edges are matched by the diff's identities (the
 *   graph numbers edges per pair of services, not per api), found through
 *   each edge's source span. A removed edge keeps its old id with a
 *   `removed:` prefix so it can never clash with a new edge's id.
 * - `neighbourhood()` cuts a graph down to the marked elements and their
 *   direct neighbours, for models too large to read whole.
 * - `buildDiffGraph()` and `layoutDiffPicture()` are the picture's recipe,
 *   shared by `seams diff -o` (laid out inline) and the preview's
 *   "Compare with…" (laid out in the language server's layout worker).
 * - A removed element keeps no source reference: its place is in the old
 *   text, which no editor holds, so nothing may try to reveal it.
 */
import type { CheckedModel, ModelDiff } from './diff-models.js';
import { collectElements, elementKey } from './elements.js';
import { groupId, serviceId, storeId } from '../ids.js';
import {
  DEFAULT_GRAPH_OPTIONS,
  type ChangeKind,
  type GraphEdge,
  type GraphNode,
  type GraphOptions,
  type LaidOutGraph,
  type ServiceGraph,
} from '../layout/graph.js';
import { buildServiceGraph } from '../layout/graph-from-model.js';
import { mayBeReadable } from '../views/render-view.js';
import { DEFAULT_PANE, fitScale, READABLE_SCALE, type PaneSize } from '../views/view-spec.js';

/** What the picture shows: the whole model, or only the changed neighbourhood. */
export type DiffScope = 'whole' | 'changes';

/**
 * The diff picture's graph: both checks' service graphs built with the same
 * options (the whole model, nothing collapsed, no focus) and laid over each other.
 */
export function buildDiffGraph(
  before: CheckedModel,
  after: CheckedModel,
  diff: ModelDiff,
  options: Pick<GraphOptions, 'showStores' | 'grouping'> = DEFAULT_GRAPH_OPTIONS,
): ServiceGraph {
  const graphOptions: GraphOptions = { ...DEFAULT_GRAPH_OPTIONS, showStores: options.showStores, grouping: options.grouping };
  return diffGraph(
    { check: before, graph: buildServiceGraph(before.model, before.diagnostics, graphOptions) },
    { check: after, graph: buildServiceGraph(after.model, after.diagnostics, graphOptions) },
    diff,
  );
}

/**
 * Lays the diff graph out with `layout`: the whole model when it is readable
 * in `pane` (fitted, at least READABLE_SCALE of its natural size) or nothing
 * changed, else the changed elements and their direct neighbours. A model
 * whose boxes alone could not be readable is not laid out whole at all.
 */
export async function layoutDiffPicture(
  graph: ServiceGraph,
  layout: (graph: ServiceGraph) => Promise<LaidOutGraph>,
  pane: PaneSize = DEFAULT_PANE,
): Promise<{ graph: LaidOutGraph; scope: DiffScope }> {
  const marked = graph.nodes.some((n) => n.change) || graph.edges.some((e) => e.change);
  const part = marked ? neighbourhood(graph) : undefined;
  const worthTrying = !part || part.nodes.length === 0 || mayBeReadable(graph, pane);
  if (worthTrying) {
    const whole = await layout(graph);
    if (!part || part.nodes.length === 0 || fitScale(whole, pane) >= READABLE_SCALE) return { graph: whole, scope: 'whole' };
  }
  return { graph: await layout(part!), scope: 'changes' };
}

export const REMOVED_PREFIX = 'removed:';

/**
 * Lays `after` over `before`. Both graphs must be built with the same options
 * from the two checked models the diff was made of.
 */
export function diffGraph(
  before: { check: CheckedModel; graph: ServiceGraph },
  after: { check: CheckedModel; graph: ServiceGraph },
  diff: ModelDiff,
): ServiceGraph {
  const nodeMark = new Map<string, ChangeKind>();
  const elementMark = new Map<string, ChangeKind>();
  for (const c of diff.changes) {
    elementMark.set(elementKey(c.kind, c.id, c.ordinal), c.change);
    if (c.kind === 'api' || c.kind === 'event') {
      for (const s of c.services) if (!nodeMark.has(serviceId(s))) nodeMark.set(serviceId(s), 'changed');
    }
  }
  for (const c of diff.changes) {
    if (c.kind === 'service') nodeMark.set(serviceId(c.id), c.change);
    else if (c.kind === 'store') nodeMark.set(storeId(c.id), c.change);
    else if (c.kind === 'system') nodeMark.set(groupId('system', c.id), c.change);
    else if (c.kind === 'team') nodeMark.set(groupId('team', c.id), c.change);
  }

  const identity = (check: CheckedModel) => {
    const bySpan = new Map<string, string>();
    for (const a of collectElements(check.model).anchors) bySpan.set(`${a.file}\u0000${a.start}\u0000${a.end}`, a.key);
    return (e: GraphEdge): string => {
      if (e.kind === 'store' || !e.sourceRef) return e.id;
      return bySpan.get(`${e.sourceRef.file}\u0000${e.sourceRef.start}\u0000${e.sourceRef.end}`) ?? e.id;
    };
  };
  const oldIdentity = identity(before.check);
  const newIdentity = identity(after.check);

  const newNodeIds = new Set(after.graph.nodes.map((n) => n.id));
  const nodes: GraphNode[] = after.graph.nodes.map((n) => withMark(n, nodeMark.get(n.id)));
  // A removed element's old problems are gone with it (the report lists them as fixed).
  const removedNodes = before.graph.nodes
    .filter((n) => !newNodeIds.has(n.id))
    .map((n): GraphNode => ({ ...n, change: 'removed', problems: [], severity: undefined, source: undefined }));
  // Groups first, as in a built graph: the layout and the renderer draw them below their members.
  nodes.unshift(...removedNodes.filter((n) => n.kind === 'group'));
  nodes.push(...removedNodes.filter((n) => n.kind !== 'group'));

  const newEdgeKeys = new Set(after.graph.edges.map(newIdentity));
  const oldEdgeKeys = new Set(before.graph.edges.map(oldIdentity));
  const edges: GraphEdge[] = after.graph.edges.map((e) => {
    const key = newIdentity(e);
    const mark = e.kind === 'store' ? (oldEdgeKeys.has(key) ? undefined : 'added') : elementMark.get(key);
    return withMark(e, mark);
  });
  for (const e of before.graph.edges) {
    if (newEdgeKeys.has(oldIdentity(e))) continue;
    edges.push({ ...e, id: `${REMOVED_PREFIX}${e.id}`, change: 'removed', problems: [], severity: undefined, sourceRef: undefined });
  }
  return { ...after.graph, nodes, edges };
}

/**
 * The marked elements and their direct neighbours: every marked node, every
 * end of a marked edge, every node one edge away from a marked node, and the
 * groups holding them. Edges are kept when both ends are.
 */
export function neighbourhood(graph: ServiceGraph): ServiceGraph {
  const keep = new Set<string>();
  for (const n of graph.nodes) if (n.change && n.kind !== 'group') keep.add(n.id);
  for (const e of graph.edges) {
    if (e.change) {
      keep.add(e.source);
      keep.add(e.target);
    }
  }
  const marked = new Set(keep);
  for (const e of graph.edges) {
    if (marked.has(e.source)) keep.add(e.target);
    if (marked.has(e.target)) keep.add(e.source);
  }
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const id of [...keep]) {
    for (let parent = byId.get(id)?.parent; parent && !keep.has(parent); parent = byId.get(parent)?.parent) keep.add(parent);
  }
  return {
    ...graph,
    nodes: graph.nodes.filter((n) => keep.has(n.id)),
    edges: graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
  };
}

function withMark<T extends GraphNode | GraphEdge>(item: T, mark: ChangeKind | undefined): T {
  return mark ? { ...item, change: mark } : item;
}
