/**
 * The synchronous call graph of a model and what the graph rules need from it:
 * strongly connected components (cycles), the condensation DAG in topological
 * order, the longest chain from each component, and distinct callees per
 * service. Built once per model (cached) and shared by sync-cycle,
 * sync-chain-depth and sync-fan-out.
 *
 * Everything is iterative and linear in services + calls: Tarjan's algorithm
 * with an explicit stack, then one dynamic-programming pass over the
 * components. A 10,000-service cycle or a 5,000-hop chain neither overflows
 * the stack nor costs more than an acyclic graph of the same size.
 *
 * Decisions: a service calling itself is a cycle of one; calls whose target
 * does not resolve are not edges; several calls to one service are one edge
 * (the first call written stands for it).
 */
import type { Call, Model, Service } from '../model/model.js';

export interface SyncGraph {
  services: readonly Service[];
  indexOf: ReadonlyMap<Service, number>;
  /** Per service: distinct callees (service indices, self included), in the order first called. */
  callees: readonly number[][];
  /** Per service: the first call to each entry of `callees`, same order. */
  edgeCalls: readonly Call[][];
  /** Per service: its component. Components are numbered in reverse topological order (callees first). */
  component: Int32Array;
  /** Per component: member service indices, ascending. */
  members: readonly number[][];
  /** Per component: true when it holds a cycle (two or more services, or a self-call). */
  cyclic: readonly boolean[];
  /** Per component: hops of the longest chain leaving it, each component counted as one node. */
  longest: Int32Array;
  /** Per component: the call that starts its longest chain (undefined when it calls out of itself nowhere). */
  exit: readonly (Call | undefined)[];
}

const cache = new WeakMap<Model, SyncGraph>();

export function syncGraph(model: Model): SyncGraph {
  let g = cache.get(model);
  if (!g) {
    g = buildSyncGraph(model);
    cache.set(model, g);
  }
  return g;
}

function buildSyncGraph(model: Model): SyncGraph {
  const services = [...model.services.values()];
  const indexOf = new Map<Service, number>();
  services.forEach((s, i) => indexOf.set(s, i));
  const callees: number[][] = [];
  const edgeCalls: Call[][] = [];
  // seenBy[t] === i + 1 when service i already has an edge to t: one array for all, not a Set per service.
  const seenBy = new Int32Array(services.length);
  for (let i = 0; i < services.length; i++) {
    const to: number[] = [];
    const via: Call[] = [];
    for (const c of services[i].calls) {
      const t = c.target.target === undefined ? undefined : indexOf.get(c.target.target);
      if (t === undefined || seenBy[t] === i + 1) continue;
      seenBy[t] = i + 1;
      to.push(t);
      via.push(c);
    }
    callees.push(to);
    edgeCalls.push(via);
  }
  const { component, members } = tarjan(callees);
  const cyclic = members.map((m) => m.length > 1 || callees[m[0]].includes(m[0]));

  // Tarjan completes a component only after every component it reaches, so
  // ascending component order is a valid order for the longest-path DP.
  const longest = new Int32Array(members.length);
  const exit: (Call | undefined)[] = new Array(members.length).fill(undefined);
  for (let c = 0; c < members.length; c++) {
    let best = 0;
    let bestCall: Call | undefined;
    for (const u of members[c]) {
      const to = callees[u];
      for (let k = 0; k < to.length; k++) {
        const d = component[to[k]];
        if (d === c) continue;
        const hops = 1 + longest[d];
        if (hops > best) {
          best = hops;
          bestCall = edgeCalls[u][k];
        }
      }
    }
    longest[c] = best;
    exit[c] = bestCall;
  }
  return { services, indexOf, callees, edgeCalls, component, members, cyclic, longest, exit };
}

/** Tarjan's strongly connected components without recursion. */
function tarjan(adj: readonly number[][]): { component: Int32Array; members: number[][] } {
  const n = adj.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const members: number[][] = [];
  const stack: number[] = [];
  // The explicit call stack: a node and how far through its edges we are.
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = 0;
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth];
      const edges = adj[v];
      if (callEdge[depth] < edges.length) {
        const w = edges[callEdge[depth]++];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = 0;
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      // v is done: close its component if it is a root, then return to its caller.
      if (low[v] === index[v]) {
        const id = members.length;
        const group: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = id;
          group.push(w);
        } while (w !== v);
        group.sort((a, b) => a - b);
        members.push(group);
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
    }
  }
  return { component, members };
}

/**
 * Within one cyclic component, the shortest path of calls from `from` to `to`
 * (breadth-first over calls that stay inside the component). Linear in the
 * component's size.
 */
export function pathInside(g: SyncGraph, from: number, to: number): Call[] {
  if (from === to) return [];
  const c = g.component[from];
  const parent = new Map<number, { prev: number; call: Call }>();
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head];
    const to2 = g.callees[u];
    for (let k = 0; k < to2.length; k++) {
      const w = to2[k];
      if (g.component[w] !== c || w === from || parent.has(w)) continue;
      parent.set(w, { prev: u, call: g.edgeCalls[u][k] });
      if (w === to) {
        const path: Call[] = [];
        for (let x = to; x !== from; x = parent.get(x)!.prev) path.push(parent.get(x)!.call);
        return path.reverse();
      }
      queue.push(w);
    }
  }
  return [];
}

/**
 * For every member of a cyclic component, its first call on a shortest path
 * to `target` inside the component (breadth-first backwards from `target`).
 */
export function stepsToward(g: SyncGraph, target: number): Map<number, Call> {
  const c = g.component[target];
  const next = new Map<number, Call>();
  const queue = [target];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (const call of g.services[v].callers) {
      const u = g.indexOf.get(call.from)!;
      if (g.component[u] !== c || u === target || next.has(u)) continue;
      next.set(u, call);
      queue.push(u);
    }
  }
  return next;
}
