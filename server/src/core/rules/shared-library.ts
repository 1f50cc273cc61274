import type { RelatedInformation } from '../diagnostics.js';
import type { Finding, Rule } from './rule.js';
import { andList } from './name-lists.js';

export const sharedLibrary: Rule = {
  code: 'shared-library',
  defaultSeverity: 'info',
  defaultMax: 2,
  summary: 'a library used by more than `max` services',
  rationale:
    'A library built into many services couples them through its code: an upgrade, a security fix or a change ' +
    'of behaviour has to be rolled out to every one of them, in step, and a bug ships everywhere at once. ' +
    'Shared business logic in a library is a hidden shared service that nobody deploys on its own. Keep shared ' +
    "libraries to small, stable, technical utilities, and move shared business behaviour behind one service's api.",
  check(model, { max }) {
    const out: Finding[] = [];
    for (const library of model.libraries.values()) {
      const users = library.users;
      if (users.length <= max) continue;
      const related: RelatedInformation[] = [];
      for (const s of users) {
        for (const u of s.uses) {
          if (u.target === library) related.push({ location: u.location, message: `${s.name} uses ${library.name}` });
        }
      }
      out.push({
        message: `library ${library.name} is used by ${users.length} services (${andList(users.map((s) => s.name))}); at most ${max} allowed`,
        location: library.location,
        related,
      });
    }
    return out;
  },
};
