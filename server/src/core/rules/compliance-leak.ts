import type { Service } from '../model/model.js';
import type { Finding, Rule } from './rule.js';
import { firstOthers } from './name-lists.js';
import { RELATED_LIMIT } from './shared-database.js';

/** Sharers spelled out in the message; past these, a count. */
const LISTED = 6;

function tags(s: Service): string {
  return s.compliance.length === 0 ? 'no compliance tags' : [...s.compliance].sort().join(', ');
}

export const complianceLeak: Rule = {
  code: 'compliance-leak',
  defaultSeverity: 'error',
  summary: 'a store shared by services whose `compliance` tags are not the same set',
  rationale:
    'A compliance tag such as pci or gdpr says which rules govern the data a service handles and who may see it. ' +
    'When services with different tags keep their data in one store, the regulated data sits within reach of a ' +
    'service that was never audited for it, and the audit boundary the tags promise does not hold. Either keep ' +
    'the regulated data in its own store or bring every service that touches the store into the same scope.',
  check(model) {
    const out: Finding[] = [];
    for (const [store, uses] of model.stores) {
      if (uses.length < 2) continue;
      const sets = new Set(uses.map((u) => tags(u.service)));
      if (sets.size < 2) continue;
      // One message per store (bounded), shared by all its reports.
      const shown = uses.slice(0, LISTED).map((u) => `${u.service.name} (${tags(u.service)})`);
      const listed = uses.length > LISTED ? `${shown.join(', ')} and ${uses.length - LISTED} more` : shown.join(', ');
      for (const use of uses) {
        out.push({
          message: `services with different compliance tags share store ${store}: ${listed}`,
          location: use.location,
          related: firstOthers(uses, use, RELATED_LIMIT).map((u) => ({
            location: u.location,
            message: `${u.service.name} (${tags(u.service)}) declares store ${store}`,
          })),
        });
      }
    }
    return out;
  },
};
