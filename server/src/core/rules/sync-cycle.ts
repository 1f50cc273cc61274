import type { RelatedInformation } from '../diagnostics.js';
import type { Call } from '../model/model.js';
import type { Finding, Rule } from './rule.js';
import { andList } from './name-lists.js';
import { pathInside, syncGraph } from './sync-graph.js';

/** Services named in a cycle's message before the rest become a count. */
const NAMED = 5;

export const syncCycle: Rule = {
  code: 'sync-cycle',
  defaultSeverity: 'error',
  summary: 'services that call each other synchronously in a cycle',
  rationale:
    'When services wait on each other in a circle, none of them can start, deploy or recover on its own, and a ' +
    'slowdown anywhere on the circle feeds back into itself until every member is stuck holding requests for ' +
    'the others. A cycle also means the services are really one system spread over several deployables. Break ' +
    'it by turning one direction into events, or by moving the shared piece into a service both can call.',
  check(model) {
    const g = syncGraph(model);
    const out: Finding[] = [];
    // One report per strongly connected group: overlapping cycles are one group, and every call
    // inside it is related, so no cycle of the group goes unseen.
    for (let c = 0; c < g.members.length; c++) {
      if (!g.cyclic[c]) continue;
      // Report on the first call (in service order) that stays inside the group.
      let call: Call | undefined;
      let from = -1;
      let to = -1;
      for (const u of g.members[c]) {
        const k = g.callees[u].findIndex((t) => g.component[t] === c);
        if (k >= 0) {
          call = g.edgeCalls[u][k];
          from = u;
          to = g.callees[u][k];
          break;
        }
      }
      if (!call) continue;
      const name = g.services[from].name;
      if (g.members[c].length === 1) {
        out.push({
          message: `${name} calls itself synchronously`,
          location: call.location,
          ...relatedOf(
            g.members[c].map((m) => g.services[m].calls),
            c,
            g.component,
            g.indexOf,
            call,
          ),
        });
        continue;
      }
      // Names in the order of the reported call's own way round, then the rest of the group.
      const named = new Set<number>([from]);
      for (const k of pathInside(g, to, from)) named.add(g.indexOf.get(k.from)!);
      for (const m of g.members[c]) named.add(m);
      const names = [...named].map((m) => g.services[m].name);
      out.push({
        message: `${andList(names, NAMED)} call each other synchronously in a cycle`,
        location: call.location,
        ...relatedOf(
          g.members[c].map((m) => g.services[m].calls),
          c,
          g.component,
          g.indexOf,
          call,
        ),
      });
    }
    return out;
  },
};

/** Every call that stays inside group `c`, except the reported one, as related information. */
function relatedOf(
  callsOfMembers: readonly (readonly Call[])[],
  c: number,
  component: Int32Array,
  indexOf: ReadonlyMap<unknown, number>,
  reported: Call,
): { related?: RelatedInformation[] } {
  const related: RelatedInformation[] = [];
  for (const calls of callsOfMembers) {
    for (const k of calls) {
      const t = k.target.target === undefined ? undefined : indexOf.get(k.target.target);
      if (k === reported || t === undefined || component[t] !== c) continue;
      related.push({ location: k.location, message: `${k.from.name} calls ${k.target.name}` });
    }
  }
  return related.length ? { related } : {};
}
