import type { StoreUse } from '../model/model.js';
import type { Finding, Rule } from './rule.js';
import { andList, firstOthers } from './name-lists.js';

/**
 * Other declarations related to each report, and names in its message. Past
 * these, a count: N services sharing one store give N reports of bounded size,
 * not N² related locations.
 */
export const RELATED_LIMIT = 10;
const NAMED = 6;

/**
 * Whether exactly one of a store's declarations writes it (has no `readonly`):
 * then the store belongs to that service. With two or more writers, or none,
 * the store is shared as in version 1.
 */
export function hasOneWriter(uses: readonly StoreUse[]): boolean {
  let writers = 0;
  for (const u of uses) if (!u.readonly && ++writers > 1) return false;
  return writers === 1;
}

export const sharedDatabase: Rule = {
  code: 'shared-database',
  defaultSeverity: 'warning',
  summary: 'a store declared by two or more services (unless exactly one of them writes it)',
  rationale:
    'A database shared by two services couples them below their contracts: either can change the schema, lock a ' +
    'table or fill the disk under the other, and neither can be deployed, scaled or migrated on its own. The ' +
    'boundary the architecture draws between them is not real while the data behind it is common. Give the data ' +
    'one owner and let the others ask that owner through an api or follow its events.',
  check(model) {
    const out: Finding[] = [];
    for (const [store, uses] of model.stores) {
      // One writer and readonly readers: the store is the writer's, and each reader is inappropriate-intimacy.
      if (uses.length < 2 || hasOneWriter(uses)) continue;
      for (const use of uses) {
        const named = firstOthers(uses, use, NAMED - 1).map((o) => o.service.name);
        const unnamed = uses.length - 1 - named.length;
        const names =
          unnamed > 0 ? `${[use.service.name, ...named].join(', ')} and ${unnamed} more` : andList([use.service.name, ...named]);
        out.push({
          message: `${names} share store ${store}`,
          location: use.location,
          related: firstOthers(uses, use, RELATED_LIMIT).map((o) => ({
            location: o.location,
            message: `${o.service.name} also declares store ${store}`,
          })),
        });
      }
    }
    return out;
  },
};
