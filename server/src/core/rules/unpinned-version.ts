import type { Location } from '../diagnostics.js';
import type { Contract } from '../model/model.js';
import type { Finding, Rule } from './rule.js';
import { newest as newestOf } from './contract-versions.js';
import { commaList } from './name-lists.js';

export const unpinnedVersion: Rule = {
  code: 'unpinned-version',
  defaultSeverity: 'info',
  summary: 'a call or subscription to a contract that offers versions, with no version given',
  rationale:
    'When a contract offers several versions and a consumer does not say which one it uses, the provider cannot ' +
    'know when an old version has no users left, and the consumer silently depends on whatever the default ' +
    'happens to be. Pinning the version records the real dependency, so that retiring a version or ' +
    'introducing a new one is a visible, checkable change.',
  check(model) {
    const out: Finding[] = [];
    const report = (who: string, what: string, contract: Contract, location: Location, nameEnd: number, file: string) => {
      out.push({
        message: `${who} ${what} without a version; ${contract.name} offers ${commaList(contract.versions.map((v) => v.text))}`,
        location,
        fixes: () => {
          const newest = newestOf(contract)!.text;
          return [
            { title: `Pin version ${newest}`, edits: [{ file, start: nameEnd, end: nameEnd, newText: ` ${newest}` }], preferred: true },
          ];
        },
      });
    };
    for (const call of model.calls) {
      const api = call.api?.target;
      // A gateway's calls pass the client's request on: the client chose the version.
      if (!api || call.version || api.versions.length === 0 || !call.decl.api || call.from.tier === 'gateway') continue;
      report(call.from.name, `calls ${call.target.name}.${api.name}`, api, call.location, call.decl.api.end, call.file);
    }
    for (const sub of model.subscriptions) {
      const event = sub.event?.target;
      if (!event || sub.version || event.versions.length === 0 || !sub.decl.event) continue;
      report(sub.subscriber.name, `subscribes to ${sub.publisher.name}.${event.name}`, event, sub.location, sub.decl.event.end, sub.file);
    }
    return out;
  },
};
