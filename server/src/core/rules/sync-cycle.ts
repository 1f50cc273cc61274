import type { Diagnostic } from '../diagnostics.js';
import type { Call } from '../model/model.js';
import type { Rule } from './rule.js';
import { arrowPath } from './name-lists.js';
import { pathInside, syncGraph } from './sync-graph.js';

export const syncCycle: Rule = {
  code: 'sync-cycle',
  defaultSeverity: 'error',
  summary: 'services that call each other synchronously in a cycle',
  rationale:
    'When services wait on each other in a circle, none of them can start, deploy or recover on its own, and a ' +
    'slowdown anywhere on the circle feeds back into itself until every member is stuck holding requests for ' +
    'the others. A cycle also means the services are really one system spread over several deployables. Break ' +
    'it by turning one direction into events, or by moving the shared piece into a service both can call.',
  check(model, options) {
    const g = syncGraph(model);
    const out: Diagnostic[] = [];
    for (let c = 0; c < g.members.length; c++) {
      if (!g.cyclic[c]) continue;
      // Report on the first call (in service order) that stays inside the component.
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
      const size = g.members[c].length;
      if (from === to) {
        out.push({
          code: 'sync-cycle',
          severity: options.severity,
          message: `${name} calls itself synchronously`,
          location: call.location,
        });
        continue;
      }
      // The shortest way back from the callee closes the cycle this call is on.
      const back = pathInside(g, to, from);
      const cycle = [call, ...back];
      const steps = [name, ...cycle.map((k) => k.target.name)];
      const among = size > cycle.length ? `, among ${size} services that call each other in cycles` : '';
      out.push({
        code: 'sync-cycle',
        severity: options.severity,
        message: `${arrowPath(steps)} is a synchronous cycle${among}`,
        location: call.location,
        related: back.map((k) => ({ location: k.location, message: `${k.from.name} calls ${k.target.name}` })),
      });
    }
    return out;
  },
};
