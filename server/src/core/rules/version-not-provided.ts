import type { Diagnostic, Fix } from '../diagnostics.js';
import type { Contract } from '../model/model.js';
import type { VersionLit } from '../syntax/ast.js';
import { compareVersions } from '../syntax/literals.js';
import type { Rule } from './rule.js';
import { commaList } from './name-lists.js';
import { newestFirst } from './contract-versions.js';

export const versionNotProvided: Rule = {
  code: 'version-not-provided',
  defaultSeverity: 'error',
  summary: 'a call or subscription pinned to a version the contract does not offer',
  rationale:
    'A consumer pinned to a version the provider does not offer depends on something that does not exist: ' +
    'either it was retired and the consumer will break on its next deployment, or it was never there and the ' +
    'description is wrong. Either way the two sides disagree about their contract, which is the one thing a ' +
    'contract is for. Move the consumer to a version that is offered, or offer the version.',
  check(model, options) {
    const out: Diagnostic[] = [];
    const offersIt = (contract: Contract, version: VersionLit) =>
      contract.versions.some((v) => compareVersions(v.parts, version.parts) === 0);
    const report = (who: string, what: string, contract: Contract, version: VersionLit, file: string) => {
      const offered = newestFirst(contract);
      const fixes: Fix[] = offered.map((v, i) => ({
        title: `Use version ${v.text}`,
        edits: [{ file, start: version.start, end: version.end, newText: v.text }],
        ...(i === 0 ? { preferred: true } : {}),
      }));
      const offers = offered.length ? `offers only ${commaList(contract.versions.map((v) => v.text))}` : 'offers no version';
      out.push({
        code: 'version-not-provided',
        severity: options.severity,
        message: `${who} ${what} ${version.text}, but ${contract.name} ${offers}`,
        location: { file, start: version.start, end: version.end },
        related: [{ location: contract.location, message: `${contract.kind} ${contract.name} is declared here` }],
        ...(fixes.length ? { fixes } : {}),
      });
    };
    for (const call of model.calls) {
      const api = call.api?.target;
      // The message is built only for calls that break the rule: most calls do not.
      if (api && call.version && !offersIt(api, call.version)) report(call.from.name, `calls ${call.target.name}.${api.name}`, api, call.version, call.file);
    }
    for (const sub of model.subscriptions) {
      const event = sub.event?.target;
      if (event && sub.version && !offersIt(event, sub.version)) report(sub.subscriber.name, `subscribes to ${sub.publisher.name}.${event.name}`, event, sub.version, sub.file);
    }
    return out;
  },
};
