/**
 * Model -> the `ServiceGraph` of one view (language.md, "Views"). Pure and
 * synchronous; layout and the choice of `auto` live in render-view.ts.
 *
 *   all             every service and store, inside their systems
 *   landscape       one box per system (or per team when there are fewer than
 *                   two systems), at most one line per direction and kind
 *                   between two boxes, labelled with how many it stands for
 *   system:NAME     the system's services and stores, and each outside
 *                   neighbour as one compact `external` box inside a frame
 *                   named after its own system
 *   team:NAME       the same for the services one team owns
 *   service:N[:H]   a service and its neighbours up to H hops, both ways
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Model, Service } from '../model/model.js';
import type { BreadcrumbStep, Direction, GraphEdge, GraphNode, GraphOptions, Problem, ServiceGraph } from '../layout/graph.js';
import { DEFAULT_GRAPH_OPTIONS } from '../layout/graph.js';
import { buildServiceGraph, worstSeverity } from '../layout/graph-from-model.js';
import { bundledEdgeId, OUTSIDE_MORE_ID, outsideId, parseNodeId, serviceId } from '../ids.js';
import { listProblems } from '../layout/problem-list.js';
import { countLabel, landscapeGraph } from './landscape-graph.js';
import { formatViewSpec, type PaneSize, type ViewSpec } from './view-spec.js';
import { landscapeCapacity } from '../layout/landscape-layout.js';

export interface ViewGraphOptions {
  direction?: Direction;
  /** Draw stores (default true; the landscape never draws them). */
  showStores?: boolean;
  problemsOnly?: boolean;
  /** The pane the picture is for: a landscape with more boxes than it can hold folds the smallest (landscape-graph.ts). */
  pane?: PaneSize;
  /**
   * How a system or team view draws its outside neighbours: `services`, one
   * compact box each under its system's name (the default); `systems`, one
   * compact box per outside system standing for its services, at most
   * OUTSIDE_SYSTEMS_SHOWN, the rest in one "+N more systems" box; `boxes`,
   * the same with the members as plain boxes (no stores, no frames) arranged
   * as the landscape is. `layoutView` picks the first that is readable.
   */
  outside?: 'services' | 'systems' | 'boxes';
}

/** A system or team view shows at most this many outside systems (the rest share one box). */
export const OUTSIDE_SYSTEMS_SHOWN = 8;

/** Why a view cannot be drawn for this model (an unknown name), or undefined when it can. */
export function viewTargetError(model: Model, view: ViewSpec): string | undefined {
  switch (view.kind) {
    case 'system':
      return model.systems.has(view.name) ? undefined : `no system named '${view.name}'${suggest(view.name, model.systems.keys())}`;
    case 'team':
      return model.teams.has(view.name) ? undefined : `no team named '${view.name}'${suggest(view.name, model.teams.keys())}`;
    case 'service':
      return model.services.has(view.name) ? undefined : `no service named '${view.name}'${suggest(view.name, model.services.keys())}`;
    default:
      return undefined;
  }
}

function suggest(name: string, names: Iterable<string>): string {
  const all = [...names];
  const close = all.find((n) => n.startsWith(name) || name.startsWith(n));
  return close ? ` (did you mean '${close}'?)` : '';
}

function baseOptions(options: ViewGraphOptions, over: Partial<GraphOptions> = {}): GraphOptions {
  return {
    ...DEFAULT_GRAPH_OPTIONS,
    direction: options.direction ?? DEFAULT_GRAPH_OPTIONS.direction,
    showStores: options.showStores ?? true,
    problemsOnly: options.problemsOnly ?? false,
    ...over,
  };
}

/**
 * The graph of `view`. `auto` is resolved without layout here (as `all` when
 * the model is small enough to be read whole, see `autoByEstimate`); the
 * layout-aware choice is `chooseView` in render-view.ts. A view whose target
 * does not exist gives an empty graph (check `viewTargetError` first).
 */
export function buildViewGraph(
  model: Model,
  diagnostics: readonly Diagnostic[],
  view: ViewSpec,
  options: ViewGraphOptions = {},
): ServiceGraph {
  const resolved: ViewSpec = view.kind === 'auto' ? { kind: 'landscape' } : view;
  const graph = buildResolved(model, diagnostics, resolved, options);
  return { ...graph, view: resolved, breadcrumb: breadcrumbOf(model, resolved) };
}

function buildResolved(model: Model, diagnostics: readonly Diagnostic[], view: ViewSpec, options: ViewGraphOptions): ServiceGraph {
  switch (view.kind) {
    case 'auto':
    case 'landscape':
      return landscapeGraph(model, diagnostics, baseOptions(options), options.pane ? landscapeCapacity(options.pane) : undefined);
    case 'all':
      return buildServiceGraph(model, diagnostics, baseOptions(options));
    case 'service':
      if (!model.services.has(view.name)) return empty(options);
      return buildServiceGraph(model, diagnostics, baseOptions(options, { focus: view.name, focusHops: view.hops }));
    case 'system': {
      const system = model.systems.get(view.name);
      if (!system) return empty(options);
      return memberGraph(model, diagnostics, new Set(system.services), options);
    }
    case 'team': {
      const team = model.teams.get(view.name);
      if (!team) return empty(options);
      return memberGraph(model, diagnostics, new Set(team.services), options);
    }
  }
}

function empty(options: ViewGraphOptions): ServiceGraph {
  return { nodes: [], edges: [], options: baseOptions(options) };
}

/** The way back up: the landscape, then the system or team a view sits in. */
export function breadcrumbOf(model: Model, view: ViewSpec): BreadcrumbStep[] {
  const landscape: BreadcrumbStep = { label: 'Landscape', view: { kind: 'landscape' } };
  switch (view.kind) {
    case 'auto':
    case 'landscape':
      return [landscape];
    case 'all':
      return [landscape, { label: 'Everything', view }];
    case 'system':
    case 'team':
      return [landscape, { label: view.name, view }];
    case 'service': {
      const service = model.services.get(view.name);
      const steps = [landscape];
      if (service?.system) steps.push({ label: service.system.name, view: { kind: 'system', name: service.system.name } });
      else if (model.systems.size < 2 && service?.owner?.target) {
        steps.push({ label: service.owner.target.name, view: { kind: 'team', name: service.owner.target.name } });
      }
      steps.push({ label: formatViewSpec(view).slice('service:'.length), view });
      return steps;
    }
  }
}

/**
 * One line per (kind, source box, target box): lines inside one box vanish
 * (their problems count for the box); a line that stands for one model line
 * and joins two unchanged ends is kept as it is.
 */
export function bundleEdges(
  edges: readonly GraphEdge[],
  boxOf: (nodeId: string) => string | undefined,
  inside: (boxId: string, problems: Problem[]) => void,
): GraphEdge[] {
  const merged = new Map<string, { edge: GraphEdge; members: GraphEdge[] }>();
  for (const e of edges) {
    const source = boxOf(e.source);
    const target = boxOf(e.target);
    if (source === undefined || target === undefined) continue;
    if (source === target) {
      inside(source, e.problems);
      continue;
    }
    const key = `${e.kind}|${source}|${target}`;
    const seen = merged.get(key);
    if (seen) seen.members.push(e);
    else merged.set(key, { edge: { ...e, source, target }, members: [e] });
  }
  const out: GraphEdge[] = [];
  for (const { edge, members } of merged.values()) {
    const first = members[0]!;
    if (members.length === 1 && first.source === edge.source && first.target === edge.target) {
      out.push(first);
      continue;
    }
    const problems = members.flatMap((m) => m.problems);
    const count = members.length;
    const bundled: GraphEdge = {
      id: bundledEdgeId(edge.kind, edge.source, edge.target),
      kind: edge.kind,
      source: edge.source,
      target: edge.target,
      label: countLabel(edge.kind, count),
      problems,
      severity: worstSeverity(problems),
      count,
    };
    if (count === 1 && first.sourceRef) bundled.sourceRef = first.sourceRef;
    out.push(bundled);
  }
  return out;
}

// ---------------------------------------------------------------------------
// system:NAME and team:NAME

/**
 * The members' services and stores in their system frames, and every service
 * outside the set that a member calls, is called by, publishes to or
 * subscribes to, as one compact `external` box in a frame named after its own
 * system. Lines between a member and an outside box are bundled per direction
 * and kind; lines between two outside boxes are left out.
 */
function memberGraph(
  model: Model,
  diagnostics: readonly Diagnostic[],
  members: ReadonlySet<Service>,
  options: ViewGraphOptions,
): ServiceGraph {
  const boxesOnly = options.outside === 'boxes';
  const graphOptions = baseOptions(options, boxesOnly ? { grouping: 'none', showStores: false } : { grouping: 'system' });
  const full = buildServiceGraph(model, diagnostics, { ...graphOptions, problemsOnly: false });
  const memberIds = new Set([...members].map((s) => serviceId(s.name)));

  const keep = new Set<string>(memberIds);
  const outside = new Set<string>();
  for (const e of full.edges) {
    const s = memberIds.has(e.source);
    const t = memberIds.has(e.target);
    if (e.kind === 'store') {
      if (s) keep.add(e.target);
      continue;
    }
    if (s && !t) outside.add(e.target);
    if (t && !s) outside.add(e.source);
  }

  const shownEdges = full.edges.filter((e) =>
    e.kind === 'store' ? memberIds.has(e.source) : memberIds.has(e.source) || memberIds.has(e.target),
  );

  const nodes: GraphNode[] = [];
  const usedGroups = new Set<string>();
  for (const n of full.nodes) {
    if (n.kind === 'group') continue;
    if (keep.has(n.id)) {
      // A store shared with outsiders sits outside the frames.
      const parent = n.kind === 'store' && !storeOnlyUsedBy(n.id, full.edges, memberIds) ? undefined : n.parent;
      nodes.push({ ...n, parent });
      if (parent !== undefined) usedGroups.add(parent);
    } else if (outside.has(n.id) && (options.outside ?? 'services') === 'services') {
      nodes.push({ ...n, kind: 'external', sublabel: undefined, summary: n.summary });
      if (n.parent !== undefined) usedGroups.add(n.parent);
    }
  }
  let edges: GraphEdge[];
  if (options.outside === 'systems' || boxesOnly) {
    const { boxes, boxOf } = outsideSystems(model, full, shownEdges, outside);
    nodes.push(...boxes);
    edges = bundleEdges(
      shownEdges,
      (id) => boxOf.get(id) ?? id,
      () => undefined,
    );
  } else {
    edges = bundleEdges(
      shownEdges,
      (id) => id,
      () => undefined,
    );
  }
  const groups = full.nodes.filter((n) => n.kind === 'group' && usedGroups.has(n.id)).map((g) => ({ ...g }));
  let shown: ServiceGraph = { nodes: [...groups, ...nodes], edges, options: graphOptions };
  if (boxesOnly) shown.arrangement = 'boxes';
  if (options.problemsOnly) shown = keepProblems(shown);
  return shown;
}

/**
 * One compact box per outside system, standing for its services that the
 * members are joined to ("orders (12 services)"); the systems joined by the
 * most lines first, at most OUTSIDE_SYSTEMS_SHOWN, the rest in one box.
 */
function outsideSystems(
  model: Model,
  full: ServiceGraph,
  edges: readonly GraphEdge[],
  outside: ReadonlySet<string>,
): { boxes: GraphNode[]; boxOf: Map<string, string> } {
  const systemOf = new Map<string, string | undefined>();
  for (const id of outside) {
    const parsed = parseNodeId(id);
    const service = parsed?.kind === 'service' ? model.services.get(parsed.name) : undefined;
    systemOf.set(id, service?.system?.name);
  }
  interface Outside {
    id: string;
    system: string | undefined;
    services: string[];
    lines: number;
    order: number;
  }
  const byId = new Map<string, Outside>();
  for (const [service, system] of systemOf) {
    const id = outsideId(system);
    const o = byId.get(id) ?? { id, system, services: [], lines: 0, order: byId.size };
    byId.set(id, o);
    o.services.push(service);
  }
  for (const e of edges) {
    const end = outside.has(e.source) ? e.source : outside.has(e.target) ? e.target : undefined;
    if (end !== undefined) byId.get(outsideId(systemOf.get(end)))!.lines++;
  }
  const ranked = [...byId.values()].sort((a, b) => b.lines - a.lines || a.order - b.order);
  const shown = ranked.length > OUTSIDE_SYSTEMS_SHOWN ? ranked.slice(0, OUTSIDE_SYSTEMS_SHOWN - 1) : ranked;
  const rest = ranked.slice(shown.length);
  const boxOf = new Map<string, string>();
  const problemsOf = new Map(full.nodes.map((n) => [n.id, n.problems]));
  const box = (id: string, label: string, services: string[]): GraphNode => {
    const listed = listProblems([...new Set(services.flatMap((s) => problemsOf.get(s) ?? []))]);
    for (const s of services) boxOf.set(s, id);
    return { id, kind: 'external', label, ...listed, severity: worstSeverity(listed.problems) };
  };
  const count = (n: number): string => `${n} service${n === 1 ? '' : 's'}`;
  // In their order in the model (stable pictures), not by rank.
  const boxes = shown
    .sort((a, b) => a.order - b.order)
    .map((o) => box(o.id, `${o.system ?? 'no system'} (${count(o.services.length)})`, o.services));
  if (rest.length > 0) {
    const services = rest.flatMap((o) => o.services);
    boxes.push(box(OUTSIDE_MORE_ID, `+${rest.length} more systems (${count(services.length)})`, services));
  }
  return { boxes, boxOf };
}

function storeOnlyUsedBy(store: string, edges: readonly GraphEdge[], members: ReadonlySet<string>): boolean {
  for (const e of edges) if (e.kind === 'store' && e.target === store && !members.has(e.source)) return false;
  return true;
}

function keepProblems(graph: ServiceGraph): ServiceGraph {
  const keep = new Set(graph.nodes.filter((n) => n.kind !== 'group' && n.problems.length > 0).map((n) => n.id));
  for (const e of graph.edges) {
    if (e.problems.length > 0) {
      keep.add(e.source);
      keep.add(e.target);
    }
  }
  const leaves = graph.nodes.filter((n) => n.kind !== 'group' && keep.has(n.id));
  const parents = new Set(leaves.map((n) => n.parent));
  return {
    ...graph,
    nodes: [...graph.nodes.filter((n) => n.kind === 'group' && parents.has(n.id)), ...leaves],
    edges: graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
  };
}
