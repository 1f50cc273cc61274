/**
 * The landscape's graph, straight from the model: one box per system (or per
 * team when there are fewer than two systems), services outside them as boxes
 * of their own or one shared box, and between two boxes one line per direction
 * and kind, labelled with how many lines it stands for.
 *
 * It is the first picture of every large model, so it is built in one pass
 * over services, calls and diagnostics, never through the whole service graph
 * (buildServiceGraph would make a box, a summary and a problem list for each
 * of 10,000 services only to fold them away). A box lists only its worst
 * problems (problem-list.ts) and keeps the total.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Call, Model, Service, Subscription } from '../model/model.js';
import type { GraphEdge, GraphNode, GraphOptions, Problem, ServiceGraph } from '../layout/graph.js';
import { attachProblems, type ProblemTarget } from '../layout/attach-problems.js';
import { lineLabel, ref, serviceNode, span, worstSeverity } from '../layout/graph-from-model.js';
import { listProblems } from '../layout/problem-list.js';
import {
  bundledEdgeId,
  callEdgeId,
  groupId,
  MORE_GROUP_ID,
  NO_SYSTEM_GROUP_ID,
  serviceId,
  subscriptionEdgeId,
  UNOWNED_GROUP_ID,
} from '../ids.js';

/**
 * In a landscape of systems, services outside every system are drawn one box
 * each up to this many; above it they share one box, so the landscape stays a
 * picture of a few boxes however the model is written.
 */
export const LANDSCAPE_LOOSE_SERVICES = 8;

export function countLabel(kind: GraphEdge['kind'], count: number): string {
  const noun = kind === 'call' ? 'call' : kind === 'subscription' ? 'event' : 'store';
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

interface Box {
  node: GraphNode;
  members: number;
  problems: Problem[];
}

/** A line between two boxes, with the model lines it stands for. */
interface Line {
  kind: 'call' | 'subscription';
  source: string;
  target: string;
  /** The first model line it stands for (its label and place are kept when it stands for that one only). */
  where: Call | Subscription;
  /** The first model line's id, when both ends are services drawn as themselves. */
  id: string;
  count: number;
  problems: Problem[];
}

/** Systems as boxes (teams when there are fewer than two systems); lines bundled between boxes. */
export function landscapeGraph(
  model: Model,
  diagnostics: readonly Diagnostic[],
  options: GraphOptions,
  capacity = Number.POSITIVE_INFINITY,
): ServiceGraph {
  const bySystem = model.systems.size >= 2;
  const boxes = new Map<string, Box>();
  const boxOf = new Map<Service, Box>();
  const targets: ProblemTarget[] = [];
  /** Which box a problem target's problems count for (or which line). */
  const receiver = new Map<string, Box | Line>();

  // Boxes in declaration order of systems (or teams), loose services last.
  const owners = bySystem ? [...model.systems.values()] : [...model.teams.values()];
  for (const owner of owners) {
    if (owner.services.length === 0) continue;
    const id = groupId(bySystem ? 'system' : 'team', owner.name);
    const box: Box = {
      node: { id, kind: 'group', label: owner.name, sublabel: owner.title, source: ref(owner.location), problems: [], collapsed: true },
      members: 0,
      problems: [],
    };
    boxes.set(id, box);
    receiver.set(id, box);
    targets.push({ id, file: owner.location.file, start: owner.decl.start, end: owner.decl.end });
    for (const s of owner.services) boxOf.set(s, box);
  }
  const loose = [...model.services.values()].filter((s) => !boxOf.has(s));
  const looseShared = !bySystem || loose.length > LANDSCAPE_LOOSE_SERVICES;
  for (const s of loose) {
    const id = looseShared ? (bySystem ? NO_SYSTEM_GROUP_ID : UNOWNED_GROUP_ID) : serviceId(s.name);
    let box = boxes.get(id);
    if (!box) {
      const node: GraphNode = looseShared
        ? { id, kind: 'group', label: bySystem ? 'outside systems' : 'no owner', problems: [], collapsed: true }
        : serviceNode(s, undefined);
      box = { node, members: 0, problems: [] };
      boxes.set(id, box);
    }
    boxOf.set(s, box);
  }
  for (const s of model.services.values()) boxOf.get(s)!.members++;
  if (boxes.size > capacity) foldSmallest(boxes, boxOf, receiver, capacity);
  for (const s of model.services.values()) {
    // A service collects the problems of its calls, stores and what it takes part in.
    const id = serviceId(s.name);
    receiver.set(id, boxOf.get(s)!);
    targets.push({ id, file: s.file, start: s.decl.start, end: s.decl.end, collects: true });
  }

  // Lines between two boxes; lines inside one box count only through its services' problems.
  const boxIndex = new Map<Box, number>();
  for (const box of boxes.values()) boxIndex.set(box, boxIndex.size);
  const lines = new Map<number, Line>();
  const pairIndex = new Map<string, number>();
  const addLine = (kind: Line['kind'], from: Service, to: Service, where: Call | Subscription): void => {
    const source = boxOf.get(from)!;
    const target = boxOf.get(to)!;
    if (source === target) return;
    // Numbers, not strings, as keys: this runs for every line of the model.
    const key = (boxIndex.get(source)! * boxIndex.size + boxIndex.get(target)!) * 2 + (kind === 'call' ? 0 : 1);
    let line = lines.get(key);
    if (line) line.count++;
    else {
      line = { kind, source: source.node.id, target: target.node.id, where, id: '', count: 1, problems: [] };
      lines.set(key, line);
    }
    // Between two services drawn as themselves a line keeps its own id, which counts the lines of the pair.
    if (source.node.kind === 'service' && target.node.kind === 'service') {
      const pair = `${kind}:${from.name}->${to.name}`;
      const index = pairIndex.get(pair) ?? 0;
      pairIndex.set(pair, index + 1);
      if (line.count === 1)
        line.id = kind === 'call' ? callEdgeId(from.name, to.name, index) : subscriptionEdgeId(from.name, to.name, index);
    }
    const targetId = `line:${targets.length}`;
    receiver.set(targetId, line);
    targets.push({ id: targetId, file: where.file, start: where.decl.start, end: where.decl.end });
  };
  for (const call of model.calls) {
    const callee = call.target.target;
    if (callee && model.services.has(call.from.name)) addLine('call', call.from, callee, call);
  }
  for (const sub of model.subscriptions) {
    const publisher = sub.publisher.target;
    if (publisher && model.services.has(sub.subscriber.name)) addLine('subscription', publisher, sub.subscriber, sub);
  }

  // Each diagnostic once per box and once per line, however many of its places fall in it.
  let current: Problem | undefined;
  const given = new Set<Box | Line>();
  attachProblems(diagnostics, targets, (id, problem) => {
    if (problem !== current) {
      current = problem;
      given.clear();
    }
    const to = receiver.get(id);
    if (!to || given.has(to)) return;
    given.add(to);
    to.problems.push(problem);
  });

  const nodes: GraphNode[] = [];
  for (const box of boxes.values()) {
    const node = box.node;
    if (node.kind === 'group') node.memberCount = box.members;
    if (node.id === MORE_GROUP_ID) node.label = `+${node.folded} more`;
    Object.assign(node, listProblems(box.problems));
    node.severity = worstSeverity(node.problems);
    const worst = node.problems.find((p) => p.severity === node.severity);
    if (worst) node.detail = `${worst.severity} ${worst.code}`;
    nodes.push(node);
  }
  const edges: GraphEdge[] = [];
  for (const line of lines.values()) {
    // A line that stands for one model line between two services keeps that line's id and label.
    const own = line.count === 1 && boxes.get(line.source)?.node.kind === 'service' && boxes.get(line.target)?.node.kind === 'service';
    const edge: GraphEdge = {
      id: own ? line.id : bundledEdgeId(line.kind, line.source, line.target),
      kind: line.kind,
      source: line.source,
      target: line.target,
      label: own ? ownLabel(line.where) : countLabel(line.kind, line.count),
      ...listProblems(line.problems),
    };
    edge.severity = worstSeverity(edge.problems);
    if (!own) edge.count = line.count;
    if (line.count === 1) edge.sourceRef = span(line.where.file, line.where.decl);
    edges.push(edge);
  }
  return {
    nodes,
    edges,
    options: {
      ...options,
      grouping: bySystem ? 'system' : 'team',
      showStores: false,
      problemsOnly: false,
      collapsed: nodes.filter((n) => n.kind === 'group').map((n) => n.id),
    },
  };
}

function ownLabel(line: Call | Subscription): string | undefined {
  return 'from' in line ? lineLabel(line.api, line.version) : lineLabel(line.event, line.version);
}

/**
 * More boxes than the pane could hold however they are arranged: the largest
 * `capacity - 1` stay, the rest become one "+N more" box (as the grid would
 * fold them, landscape-layout.ts), before anything is sent to the layout. A
 * picture of 1,250 systems then costs what a picture of a hundred costs.
 */
function foldSmallest(boxes: Map<string, Box>, boxOf: Map<Service, Box>, receiver: Map<string, Box | Line>, capacity: number): void {
  const ranked = [...boxes.values()].map((b, i) => ({ b, i })).sort((p, q) => q.b.members - p.b.members || p.i - q.i);
  const folded = new Set(ranked.slice(Math.max(0, capacity - 1)).map((r) => r.b));
  const more: Box = {
    node: { id: MORE_GROUP_ID, kind: 'group', label: '', problems: [], collapsed: true, folded: folded.size },
    members: 0,
    problems: [],
  };
  for (const [id, box] of boxes) {
    if (!folded.has(box)) continue;
    boxes.delete(id);
    more.members += box.members;
    if (receiver.get(id) === box) receiver.set(id, more);
  }
  boxes.set(MORE_GROUP_ID, more);
  for (const [service, box] of boxOf) if (folded.has(box)) boxOf.set(service, more);
}
