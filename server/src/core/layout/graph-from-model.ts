/**
 * Model -> `ServiceGraph`: what the picture shows, before any coordinates.
 *
 * The steps run in a fixed order so that the toggles combine predictably:
 *   1. every service, store and resolved call/subscription becomes a node/edge;
 *   2. diagnostics are attached to the innermost declaration they start in;
 *   3. focus keeps a service and its neighbours up to N hops;
 *   4. problems-only keeps what carries problems (and the ends of such edges);
 *   5. collapsed groups swallow their members; edges are re-pointed and merged;
 *   6. groups left without members disappear.
 * Output order follows the model (file then text order), never hash order, so
 * the same model gives the same graph and ELK's model-order options have a
 * stable order to keep.
 */
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { Model, Service } from '../model/model.js';
import type { GraphEdge, GraphNode, GraphOptions, NodeSummary, Problem, ServiceGraph, SourceRef } from './graph.js';
import { attachProblems, type ProblemTarget } from './attach-problems.js';
import { bundledEdgeId, callEdgeId, groupId, serviceId, storeEdgeId, storeId, subscriptionEdgeId } from '../ids.js';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function worstSeverity(problems: readonly Problem[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const p of problems) if (worst === undefined || SEVERITY_RANK[p.severity] < SEVERITY_RANK[worst]) worst = p.severity;
  return worst;
}

/** @deprecated use serviceId from core/ids.ts. */
export const serviceNodeId = serviceId;
/** @deprecated use storeId from core/ids.ts. */
export const storeNodeId = storeId;

function groupIdOf(service: Service, options: GraphOptions): string | undefined {
  if (options.grouping === 'system' && service.system) return groupId('system', service.system.name);
  if (options.grouping === 'team' && service.owner?.target) return groupId('team', service.owner.target.name);
  return undefined;
}

function versionText(v: { text: string } | undefined): string {
  return v ? v.text : '';
}

function joinLabel(...parts: string[]): string | undefined {
  const text = parts.filter((p) => p !== '').join(' ');
  return text === '' ? undefined : text;
}

function summaryOf(service: Service): NodeSummary {
  const contracts: string[] = [];
  for (const api of service.apis.values()) {
    const versions = api.versions.map((v) => v.text).join(' ');
    contracts.push(`api ${joinLabel(api.name, versions) ?? api.name}${api.protocol ? ` (${api.protocol})` : ''}`);
  }
  for (const ev of service.events.values()) {
    contracts.push(`event ${joinLabel(ev.name, ev.versions.map((v) => v.text).join(' ')) ?? ev.name}`);
  }
  return {
    owner: service.owner?.name,
    tier: service.tier,
    system: service.system?.name,
    contracts,
    stores: service.stores.map((s) => (s.kind ? `${s.name} (${s.kind})` : s.name)),
    // Libraries are never boxes: a service lists the ones it uses (hover card).
    ...(service.uses.length ? { libraries: service.uses.map((u) => u.name) } : {}),
    ...(service.runtime ? { runtime: service.runtime.name } : {}),
  };
}

/** A service's box, without problems yet. */
export function serviceNode(service: Service, parent: string | undefined): GraphNode {
  return {
    id: serviceId(service.name),
    kind: 'service',
    label: service.name,
    sublabel: service.title,
    parent,
    source: ref(service.location),
    problems: [],
    summary: summaryOf(service),
    tier: service.tier,
  };
}

/** The label of a call or subscription line: the api or event and its version (`catalog-api v2`). */
export function lineLabel(contract: { name: string } | undefined, version: { text: string } | undefined): string | undefined {
  return joinLabel(contract?.name ?? '', versionText(version));
}

/** Builds the graph the picture shows. Pure: the same inputs give an equal graph. */
export function buildServiceGraph(model: Model, diagnostics: readonly Diagnostic[], options: GraphOptions): ServiceGraph {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const targets: ProblemTarget[] = [];

  // Groups, in declaration order of systems or teams, created when first used.
  const groupNodes = new Map<string, GraphNode>();
  if (options.grouping === 'system') {
    for (const system of model.systems.values()) {
      const id = groupId('system', system.name);
      groupNodes.set(id, {
        id,
        kind: 'group',
        label: system.name,
        sublabel: system.title,
        source: ref(system.location),
        problems: [],
      });
      targets.push({ id, file: system.location.file, start: system.decl.start, end: system.decl.end });
    }
  } else if (options.grouping === 'team') {
    for (const team of model.teams.values()) {
      const id = groupId('team', team.name);
      groupNodes.set(id, { id, kind: 'group', label: team.name, sublabel: team.title, source: ref(team.location), problems: [] });
      targets.push({ id, file: team.location.file, start: team.decl.start, end: team.decl.end });
    }
  }

  // Which services use each store, to place stores beside their users.
  const storeUsers = new Map<string, Service[]>();
  for (const [name, uses] of model.stores) {
    const users: Service[] = [];
    for (const use of uses) if (!users.includes(use.service)) users.push(use.service);
    storeUsers.set(name, users);
  }

  const serviceList: GraphNode[] = [];
  const storeEdgeIds = new Set<string>();
  for (const service of model.services.values()) {
    const id = serviceNodeId(service.name);
    const node = serviceNode(service, groupIdOf(service, options));
    serviceList.push(node);
    nodes.set(id, node);
    targets.push({ id, file: service.file, start: service.decl.start, end: service.decl.end, collects: true });

    if (options.showStores) {
      for (const use of service.stores) {
        const storeId = storeNodeId(use.name);
        if (!nodes.has(storeId)) {
          // A store sits inside a group only when every user is in that group.
          const parents = new Set((storeUsers.get(use.name) ?? [service]).map((s) => groupIdOf(s, options)));
          nodes.set(storeId, {
            id: storeId,
            kind: 'store',
            label: use.name,
            sublabel: use.kind,
            parent: parents.size === 1 ? [...parents][0] : undefined,
            source: ref(use.location),
            problems: [],
          });
        }
        const edgeId = storeEdgeId(service.name, use.name);
        if (!storeEdgeIds.has(edgeId)) {
          storeEdgeIds.add(edgeId);
          edges.push({ id: edgeId, kind: 'store', source: id, target: storeId, sourceRef: span(service.file, use.decl), problems: [] });
        }
        targets.push({ id: storeId, file: service.file, start: use.decl.start, end: use.decl.end });
      }
    }
  }

  // Calls and subscriptions whose far end resolves; the others are only problems.
  const pairCount = new Map<string, number>();
  const nextIndex = (key: string): number => {
    const i = pairCount.get(key) ?? 0;
    pairCount.set(key, i + 1);
    return i;
  };
  for (const call of model.calls) {
    const callee = call.target.target;
    if (!callee || !model.services.has(call.from.name)) continue;
    const id = callEdgeId(call.from.name, callee.name, nextIndex(`call:${call.from.name}->${callee.name}`));
    edges.push({
      id,
      kind: 'call',
      source: serviceNodeId(call.from.name),
      target: serviceNodeId(callee.name),
      label: lineLabel(call.api, call.version),
      sourceRef: span(call.file, call.decl),
      problems: [],
    });
    targets.push({ id, file: call.file, start: call.decl.start, end: call.decl.end });
  }
  for (const sub of model.subscriptions) {
    const publisher = sub.publisher.target;
    if (!publisher || !model.services.has(sub.subscriber.name)) continue;
    const id = subscriptionEdgeId(publisher.name, sub.subscriber.name, nextIndex(`sub:${publisher.name}->${sub.subscriber.name}`));
    edges.push({
      id,
      kind: 'subscription',
      source: serviceNodeId(publisher.name),
      target: serviceNodeId(sub.subscriber.name),
      label: lineLabel(sub.event, sub.version),
      sourceRef: span(sub.file, sub.decl),
      problems: [],
    });
    targets.push({ id, file: sub.file, start: sub.decl.start, end: sub.decl.end });
  }

  const byId = new Map<string, GraphNode | GraphEdge>();
  for (const n of groupNodes.values()) byId.set(n.id, n);
  for (const n of nodes.values()) byId.set(n.id, n);
  for (const e of edges) byId.set(e.id, e);
  attachProblems(diagnostics, targets, (id, problem) => byId.get(id)?.problems.push(problem));
  for (const item of byId.values()) item.severity = worstSeverity(item.problems);

  // Node order: each service followed by the stores it introduces (so model order keeps them adjacent).
  let ordered: GraphNode[] = [];
  const placed = new Set<string>();
  // (Store lines by service, so this stays linear for thousands of services.)
  const storeLines = new Map<string, GraphEdge[]>();
  for (const e of edges) {
    if (e.kind !== 'store') continue;
    const list = storeLines.get(e.source);
    if (list) list.push(e);
    else storeLines.set(e.source, [e]);
  }
  for (const s of serviceList) {
    ordered.push(s);
    placed.add(s.id);
    for (const e of storeLines.get(s.id) ?? []) {
      if (!placed.has(e.target)) {
        ordered.push(nodes.get(e.target)!);
        placed.add(e.target);
      }
    }
  }
  let shownEdges = edges;

  if (options.focus !== undefined) {
    const focusId = options.focus.includes(':') ? options.focus : serviceNodeId(options.focus);
    const keep = neighbourhood(focusId, options.focusHops ?? 1, shownEdges);
    if (nodes.has(focusId)) {
      ordered = ordered.filter((n) => keep.has(n.id));
      shownEdges = shownEdges.filter((e) => keep.has(e.source) && keep.has(e.target));
    }
  }

  if (options.problemsOnly) {
    const keep = new Set(ordered.filter((n) => n.problems.length > 0).map((n) => n.id));
    for (const e of shownEdges) {
      if (e.problems.length > 0) {
        keep.add(e.source);
        keep.add(e.target);
      }
    }
    ordered = ordered.filter((n) => keep.has(n.id));
    shownEdges = shownEdges.filter((e) => keep.has(e.source) && keep.has(e.target));
  }

  // Collapse: the focused service's own group is never collapsed (it would hide the focus).
  const focusParent =
    options.focus !== undefined ? nodes.get(options.focus.includes(':') ? options.focus : serviceNodeId(options.focus))?.parent : undefined;
  const collapsed = new Set(options.collapsed.filter((id) => groupNodes.has(id) && id !== focusParent));
  const redirect = (id: string): string => {
    const parent = nodes.get(id)?.parent;
    return parent !== undefined && collapsed.has(parent) ? parent : id;
  };
  const memberCount = new Map<string, number>();
  const collapsedProblems = new Map<string, Problem[]>([...collapsed].map((id) => [id, []]));
  const visible: GraphNode[] = [];
  for (const n of ordered) {
    if (n.parent !== undefined && collapsed.has(n.parent)) {
      if (n.kind === 'service') memberCount.set(n.parent, (memberCount.get(n.parent) ?? 0) + 1);
      collapsedProblems.get(n.parent)!.push(...n.problems);
    } else {
      visible.push(n);
    }
  }
  const merged = mergeEdges(shownEdges, redirect, collapsedProblems);

  // Groups: those that still hold a member, or that stand collapsed for some.
  const usedGroups = new Set<string>();
  for (const n of visible) if (n.parent !== undefined) usedGroups.add(n.parent);
  const groups: GraphNode[] = [];
  for (const g of groupNodes.values()) {
    if (collapsed.has(g.id) && memberCount.has(g.id)) {
      // A member service also lists its calls' and stores' problems: count each once.
      const problems = uniqueProblems([...g.problems, ...(collapsedProblems.get(g.id) ?? [])]);
      groups.push({ ...g, problems, severity: worstSeverity(problems), collapsed: true, memberCount: memberCount.get(g.id) });
    } else if (usedGroups.has(g.id)) {
      groups.push(g);
    }
  }
  return {
    nodes: [...groups, ...visible],
    edges: merged,
    options: { ...options, collapsed: [...options.collapsed] },
  };
}

function uniqueProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.severity}\n${p.code}\n${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function ref(location: { file: string; start: number; end: number }): SourceRef {
  return { file: location.file, start: location.start, end: location.end };
}

export function span(file: string, s: { start: number; end: number }): SourceRef {
  return { file, start: s.start, end: s.end };
}

/** Node ids within `hops` edges of `start`, following edges both ways. */
function neighbourhood(start: string, hops: number, edges: readonly GraphEdge[]): Set<string> {
  const adjacent = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    const list = adjacent.get(a);
    if (list) list.push(b);
    else adjacent.set(a, [b]);
  };
  for (const e of edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  const seen = new Set([start]);
  let frontier = [start];
  for (let i = 0; i < hops && frontier.length > 0; i++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of adjacent.get(id) ?? []) {
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/**
 * Re-points edge ends into collapsed groups and merges edges that now join the
 * same two nodes with the same kind. Edges inside one collapsed group vanish;
 * their problems count for the group.
 */
function mergeEdges(edges: readonly GraphEdge[], redirect: (id: string) => string, groupProblems: Map<string, Problem[]>): GraphEdge[] {
  const out: GraphEdge[] = [];
  const byKey = new Map<string, { edge: GraphEdge; count: number; labels: Set<string | undefined> }>();
  for (const e of edges) {
    const source = redirect(e.source);
    const target = redirect(e.target);
    if (source === e.source && target === e.target) {
      out.push(e);
      continue;
    }
    if (source === target) {
      groupProblems.get(source)?.push(...e.problems);
      continue;
    }
    const key = `${e.kind}:${source}->${target}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.count++;
      seen.labels.add(e.label);
      seen.edge.problems.push(...e.problems);
      continue;
    }
    const edge: GraphEdge = { ...e, id: bundledEdgeId(e.kind, source, target), source, target, problems: [...e.problems] };
    byKey.set(key, { edge, count: 1, labels: new Set([e.label]) });
    out.push(edge);
  }
  for (const { edge, count, labels } of byKey.values()) {
    if (labels.size > 1) {
      const noun = edge.kind === 'call' ? 'calls' : edge.kind === 'subscription' ? 'events' : 'stores';
      edge.label = `${count} ${noun}`;
    }
    if (count > 1) edge.count = count;
    edge.severity = worstSeverity(edge.problems);
  }
  return out;
}
