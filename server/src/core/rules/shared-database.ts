import type { Diagnostic } from '../diagnostics.js';
import type { Rule } from './rule.js';
import { andList } from './name-lists.js';

export const sharedDatabase: Rule = {
  code: 'shared-database',
  defaultSeverity: 'warning',
  summary: 'a store declared by two or more services',
  rationale:
    'A database shared by two services couples them below their contracts: either can change the schema, lock a ' +
    'table or fill the disk under the other, and neither can be deployed, scaled or migrated on its own. The ' +
    'boundary the architecture draws between them is not real while the data behind it is common. Give the data ' +
    'one owner and let the others ask that owner through an api or follow its events.',
  check(model, options) {
    const out: Diagnostic[] = [];
    for (const [store, uses] of model.stores) {
      if (uses.length < 2) continue;
      for (const use of uses) {
        const others = uses.filter((u) => u !== use);
        out.push({
          code: 'shared-database',
          severity: options.severity,
          message: `${andList([use.service.name, ...others.map((o) => o.service.name)])} share store ${store}`,
          location: use.location,
          related: others.map((o) => ({ location: o.location, message: `${o.service.name} also declares store ${store}` })),
        });
      }
    }
    return out;
  },
};
