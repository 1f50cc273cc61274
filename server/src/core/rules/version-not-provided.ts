import type { Contract } from '../model/model.js';
import type { VersionLit } from '../syntax/ast.js';
import type { Finding, Rule } from './rule.js';
import { commaList } from './name-lists.js';
import { closestVersions, offers } from './contract-versions.js';

/** Versions offered as fixes: the nearest few, not every version of a contract that offers thousands. */
const SUGGESTED = 3;

export const versionNotProvided: Rule = {
  code: 'version-not-provided',
  defaultSeverity: 'error',
  summary: 'a call or subscription pinned to a version the contract does not offer',
  rationale:
    'A consumer pinned to a version the provider does not offer depends on something that does not exist: ' +
    'either it was retired and the consumer will break on its next deployment, or it was never there and the ' +
    'description is wrong. Either way the two sides disagree about their contract, which is the one thing a ' +
    'contract is for. Move the consumer to a version that is offered, or offer the version.',
  check(model) {
    const out: Finding[] = [];
    // What a contract offers, spelled once per contract however many calls pin it wrongly.
    const phrases = new Map<Contract, string>();
    const offeredBy = (contract: Contract): string => {
      let phrase = phrases.get(contract);
      if (phrase === undefined) {
        phrase = contract.versions.length ? `offers only ${commaList(contract.versions.map((v) => v.text))}` : 'offers no version';
        phrases.set(contract, phrase);
      }
      return phrase;
    };
    const report = (who: string, what: string, contract: Contract, version: VersionLit, file: string) => {
      const offered = offeredBy(contract);
      out.push({
        message: `${who} ${what} ${version.text}, but ${contract.name} ${offered}`,
        location: { file, start: version.start, end: version.end },
        related: [{ location: contract.location, message: `${contract.kind} ${contract.name} is declared here` }],
        ...(contract.versions.length
          ? {
              fixes: () =>
                closestVersions(contract, version, SUGGESTED).map((v, i) => ({
                  title: `Use version ${v.text}`,
                  edits: [{ file, start: version.start, end: version.end, newText: v.text }],
                  ...(i === 0 ? { preferred: true } : {}),
                })),
            }
          : {}),
      });
    };
    for (const call of model.calls) {
      const api = call.api?.target;
      // The message is built only for calls that break the rule: most calls do not.
      if (api && call.version && !offers(api, call.version))
        report(call.from.name, `calls ${call.target.name}.${api.name}`, api, call.version, call.file);
    }
    for (const sub of model.subscriptions) {
      const event = sub.event?.target;
      if (event && sub.version && !offers(event, sub.version))
        report(sub.subscriber.name, `subscribes to ${sub.publisher.name}.${event.name}`, event, sub.version, sub.file);
    }
    return out;
  },
};
