import type { RelatedInformation } from '../diagnostics.js';
import type { Call } from '../model/model.js';
import type { Finding, Rule } from './rule.js';
import { isUserFacingOrGateway } from '../vocabulary.js';
import { firstOthers } from './name-lists.js';
import { stepsToward, syncGraph, type SyncGraph } from './sync-graph.js';

/** Chains longer than this many steps are shortened in the message: head, count, last. */
const SPELL_LIMIT = 12;

/** A component as one step of a chain: its service, or the cycle it stands for, entered at `entry`. */
function label(g: SyncGraph, entry: number): string {
  const c = g.component[entry];
  const name = g.services[entry].name;
  const size = g.members[c].length;
  if (size === 1) return name;
  // The first two other members, without walking the rest (a chain may pass many big cycles).
  const others = firstOthers(g.members[c], entry, 2).map((m) => g.services[m].name);
  const more = size - 1 - others.length;
  return `(cycle of ${[name, ...others].join(', ')}${more > 0 ? ` and ${more} more` : ''})`;
}

/** The hop leaving the component that `entry` is in, along its longest chain. */
function nextHop(g: SyncGraph, entry: number): Call | undefined {
  return g.exit[g.component[entry]];
}

export const syncChainDepth: Rule = {
  code: 'sync-chain-depth',
  defaultSeverity: 'warning',
  defaultMax: 3,
  summary: 'a chain of synchronous calls longer than `max` hops from a `user-facing` service or a gateway',
  rationale:
    "Every hop of a synchronous chain adds its latency to the user's wait and multiplies in its chance of " +
    'failing, and the timeouts along the way must shrink at each level to fit inside the one above. Deep ' +
    'chains make a request depend on services far from the user that nobody tuned for that path. Keeping ' +
    "chains short — by calling the data's owner directly, precomputing, or moving the tail of the work to " +
    'events — keeps the user-facing path fast and its failure modes few.',
  check(model, options) {
    const max = options.max;
    const g = syncGraph(model);
    // Chains start where user traffic enters: user-facing services and gateways; anywhere when there is neither.
    let origins = g.services.map((_, i) => i).filter((i) => isUserFacingOrGateway(g.services[i]));
    if (origins.length === 0) origins = g.services.map((_, i) => i);
    // Inside a cycle the origin's first call heads for the service that leaves it; computed once per component.
    const toward = new Map<number, Map<number, Call>>();
    const out: Finding[] = [];
    for (const o of origins) {
      const c = g.component[o];
      const hops = g.longest[c];
      if (hops <= max) continue;
      const exit = g.exit[c]!;
      let first: Call = exit;
      if (exit.from !== g.services[o]) {
        let steps = toward.get(c);
        if (!steps) toward.set(c, (steps = stepsToward(g, g.indexOf.get(exit.from)!)));
        first = steps.get(o) ?? exit;
      }
      // Spell the chain, one step per component; past SPELL_LIMIT steps keep the head and the end.
      const names = [label(g, o)];
      const related: RelatedInformation[] = [];
      const shorten = hops + 1 > SPELL_LIMIT;
      let at = o;
      for (let walked = 1; walked <= hops; walked++) {
        const hop = nextHop(g, at)!;
        at = g.indexOf.get(hop.target.target!)!;
        if (walked > 1) related.push({ location: hop.location, message: `then ${hop.from.name} calls ${hop.target.name}` });
        names.push(label(g, at));
        if (shorten && names.length === SPELL_LIMIT - 2) {
          names.push(`… (${hops - walked - 1} more) …`, label(g, lastEntry(g, at)));
          break;
        }
      }
      out.push({
        message: `${names.join(' → ')} is ${hops} synchronous hops; at most ${max} allowed`,
        location: first.location,
        related,
      });
    }
    return out;
  },
};

const lastCache = new WeakMap<SyncGraph, Int32Array>();

/**
 * The service at which the longest chain from `from`'s component enters its
 * last component, memoised for all components at once (linear), so that long
 * chains are not walked once per origin.
 */
function lastEntry(g: SyncGraph, from: number): number {
  let last = lastCache.get(g);
  if (!last) {
    last = new Int32Array(g.members.length).fill(-1);
    // Ascending components are in reverse topological order: each exit's target component comes first.
    for (let c = 0; c < g.members.length; c++) {
      const e = g.exit[c];
      if (!e) continue;
      const t = g.indexOf.get(e.target.target!)!;
      const further = last[g.component[t]];
      last[c] = further >= 0 ? further : t;
    }
    lastCache.set(g, last);
  }
  const found = last[g.component[from]];
  return found >= 0 ? found : from;
}
