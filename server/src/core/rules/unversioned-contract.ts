import type { Finding, Rule } from './rule.js';

export const unversionedContract: Rule = {
  code: 'unversioned-contract',
  defaultSeverity: 'warning',
  summary: 'an `api` or `event` declared with no version',
  rationale:
    'A contract without a version has no way to change safely: the first incompatible change breaks every ' +
    'consumer at once, because there is nothing to keep the old shape available under. Starting at v1 costs ' +
    'nothing and makes the next change a new version offered alongside the old one, which consumers can move ' +
    'to at their own pace.',
  check(model) {
    const out: Finding[] = [];
    for (const s of model.services.values()) {
      for (const contract of [...s.apis.values(), ...s.events.values()]) {
        if (contract.versions.length > 0) continue;
        const d = contract.decl;
        const at = d.name!.end;
        out.push({
          message: `${contract.kind} ${contract.name} of ${s.name} has no version`,
          location: { file: s.file, start: d.start, end: d.end },
          fixes: () => [{ title: 'Add version v1', edits: [{ file: s.file, start: at, end: at, newText: ' v1' }], preferred: true }],
        });
      }
    }
    return out;
  },
};
