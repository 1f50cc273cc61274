import type { Finding, Rule } from './rule.js';
import { andList } from './name-lists.js';
import { syncGraph } from './sync-graph.js';

export const syncFanOut: Rule = {
  code: 'sync-fan-out',
  defaultSeverity: 'warning',
  defaultMax: 4,
  summary: 'a service calling more than `max` distinct services synchronously',
  rationale:
    'A service that must hear back from many others before it can answer is only as available as all of them ' +
    'together and as fast as the slowest: five dependencies at 99.9% each leave it at about 99.5% before it ' +
    'has done any work of its own. Each extra synchronous dependency is another way for a request to fail or ' +
    'stall. Past a few, aggregate asynchronously, cache, or let the callers ask the others themselves.',
  check(model, options) {
    const max = options.max;
    const g = syncGraph(model);
    const out: Finding[] = [];
    g.services.forEach((s, i) => {
      // A gateway routes each request to one backend: its calls are routes, not dependencies of one answer.
      if (s.tier === 'gateway') return;
      // Few services call more than `max` others: count before building any list (callees are distinct).
      const callees = g.callees[i];
      if (callees.length - (callees.includes(i) ? 1 : 0) <= max) return;
      // A call to itself is not a dependency on another service (it is sync-cycle's business).
      const others = callees.filter((t) => t !== i);
      out.push({
        message: `${s.name} calls ${others.length} services synchronously (${andList(others.map((t) => g.services[t].name))}); at most ${max} allowed`,
        location: s.location,
        related: g.edgeCalls[i]
          .filter((c) => c.target.target !== s)
          .map((c) => ({ location: c.location, message: `${s.name} calls ${c.target.name}` })),
      });
    });
    return out;
  },
};
