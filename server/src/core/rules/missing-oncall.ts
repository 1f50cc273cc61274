import type { Finding, Rule } from './rule.js';
import { andList } from './name-lists.js';

export const missingOncall: Rule = {
  code: 'missing-oncall',
  defaultSeverity: 'info',
  summary: 'a team that owns a service and has no `oncall`',
  rationale:
    'Owning a service includes being reachable when it breaks. A team without an on-call channel leaves the ' +
    'people who depend on its services guessing whom to wake at night, and the minutes spent finding out are ' +
    'minutes of outage. Writing the channel next to the team makes it part of the architecture that is reviewed ' +
    'and kept current, instead of tribal knowledge.',
  check(model) {
    const out: Finding[] = [];
    for (const team of model.teams.values()) {
      if (team.services.length === 0 || team.oncall.length > 0) continue;
      out.push({
        message: `team ${team.name} owns ${andList(
          team.services.map((s) => s.name),
          3,
        )} but has no oncall`,
        location: team.location,
      });
    }
    return out;
  },
};
