import type { Finding, Rule } from './rule.js';
import { hasOneWriter } from './shared-database.js';

export const inappropriateIntimacy: Rule = {
  code: 'inappropriate-intimacy',
  defaultSeverity: 'warning',
  summary: 'a `readonly` store declaration where exactly one other service writes the store',
  rationale:
    "Reading another service's database directly looks harmless because nothing is written, but it ties the " +
    "reader to the owner's tables, columns and meanings, which the owner believes are private and changes at " +
    'will: a renamed column or a split table breaks a service its team has never heard of, and the owner can no ' +
    "longer migrate or re-model its own data. The data is the owner's to publish; ask for it through an api or " +
    "follow the owner's events, and keep a copy of your own if you need one.",
  check(model) {
    const out: Finding[] = [];
    for (const [store, uses] of model.stores) {
      if (uses.length < 2 || !hasOneWriter(uses)) continue;
      const writer = uses.find((u) => !u.readonly)!;
      for (const use of uses) {
        if (!use.readonly) continue;
        // A service that both writes and reads its own store is not intimate with itself.
        if (use.service === writer.service) continue;
        out.push({
          message: `${use.service.name} reads store ${store} of ${writer.service.name} directly`,
          location: use.location,
          related: [{ location: writer.location, message: `${writer.service.name} writes store ${store}` }],
        });
      }
    }
    return out;
  },
};
