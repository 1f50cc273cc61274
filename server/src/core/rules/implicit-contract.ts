import type { Fix } from '../diagnostics.js';
import type { Finding, Rule } from './rule.js';
import { commaList } from './name-lists.js';
import { newest as newestOf, offers as offersVersion } from './contract-versions.js';

export const implicitContract: Rule = {
  code: 'implicit-contract',
  defaultSeverity: 'warning',
  summary: 'a `calls X` that names no api of X',
  rationale:
    'A call that names only the service says that the caller depends on it, but not on what. Nobody can tell ' +
    "which of the callee's apis must stay compatible, which version is in use, or whether an api can be " +
    'retired, so every change to the callee becomes a search through its callers. Naming the api makes the ' +
    'contract explicit and lets versions be pinned and checked.',
  check(model) {
    const out: Finding[] = [];
    for (const call of model.calls) {
      if (call.api || !call.decl.target) continue;
      const callee = call.target.target;
      const all = callee ? [...callee.apis.values()] : [];
      // With a version written, suggest the apis that offer it; otherwise every api, pinned to its newest version.
      const version = call.version;
      const offering = version ? all.filter((a) => offersVersion(a, version)) : all;
      const apis = offering.length ? offering : all;
      const at = call.decl.target.end;
      const fixes = (): Fix[] =>
        apis.map((api, i) => {
          const pin = !version && api.versions.length ? ` ${newestOf(api)!.text}` : '';
          return {
            title: `Call ${call.target.name}.${api.name}${pin}`,
            edits: [{ file: call.file, start: at, end: at, newText: `.${api.name}${pin}` }],
            ...(i === 0 && apis.length === 1 ? { preferred: true } : {}),
          };
        });
      const offers = callee
        ? apis.length
          ? `; it offers ${commaList(all.map((a) => a.name))}`
          : `; ${call.target.name} declares no api`
        : '';
      out.push({
        message: `${call.from.name} calls ${call.target.name} without naming one of its apis${offers}`,
        location: call.location,
        ...(apis.length ? { fixes } : {}),
      });
    }
    return out;
  },
};
