import type { Finding, Rule } from './rule.js';
import { andList } from './name-lists.js';

export const teamOverload: Rule = {
  code: 'team-overload',
  defaultSeverity: 'warning',
  defaultMax: 5,
  summary: 'a team owning more than `max` services',
  rationale:
    'Every service a team owns costs it attention: deployments, upgrades, alerts, on-call knowledge. Past a ' +
    'handful of services that attention is spread so thin that the services nobody touched lately become the ' +
    'ones nobody understands any more. A team owning too many services is a sign that either the team should ' +
    'split or the services should merge.',
  check(model, options) {
    const max = options.max;
    const out: Finding[] = [];
    for (const team of model.teams.values()) {
      const n = team.services.length;
      if (n <= max) continue;
      out.push({
        message: `team ${team.name} owns ${n} services (${andList(team.services.map((s) => s.name))}); at most ${max} allowed`,
        location: team.location,
        related: team.services.map((s) => ({ location: s.owner!.location, message: `${s.name} is owned by ${team.name}` })),
      });
    }
    return out;
  },
};
