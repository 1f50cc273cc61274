import type { Service } from '../model/model.js';
import type { Finding, Rule } from './rule.js';

function alike(a: Service, b: Service): boolean {
  return (
    a.owner !== undefined &&
    b.owner !== undefined &&
    a.owner.name === b.owner.name &&
    a.cadence !== undefined &&
    a.cadence === b.cadence &&
    a.scaling !== undefined &&
    a.scaling === b.scaling
  );
}

export const unjustifiedSplit: Rule = {
  code: 'unjustified-split',
  defaultSeverity: 'info',
  summary: 'two services with the same owner, cadence and scaling where one calls the other synchronously',
  rationale:
    'Splitting a system into services pays off when the parts change, ship or scale independently. Two services ' +
    'owned by one team, released on the same cadence and scaled the same way, with one waiting on the other for ' +
    'every request, get none of that benefit and still pay for a network hop, a second deployment and a contract ' +
    'to keep in step. One deployable would do the same job with less to run.',
  check(model) {
    const out: Finding[] = [];
    for (const s of model.services.values()) {
      // Only callees alike to the caller can be reported, so only those need remembering (most services have none).
      let seen: Set<Service> | undefined;
      for (const call of s.calls) {
        const t = call.target.target;
        if (!t || t === s || !alike(s, t)) continue;
        if (seen?.has(t)) continue;
        (seen ??= new Set()).add(t);
        out.push({
          message:
            `${s.name} and ${t.name} have the same owner (${s.owner!.name}), cadence (${s.cadence}) and scaling ` +
            `(${s.scaling}), and ${s.name} calls ${t.name} synchronously: one deployable would do`,
          location: call.location,
          related: [{ location: t.location, message: `${t.name} is declared here` }],
        });
      }
    }
    return out;
  },
};
