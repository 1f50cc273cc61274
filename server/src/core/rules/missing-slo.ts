import type { Finding, Rule } from './rule.js';
import { isUserFacingOrGateway } from '../vocabulary.js';

export const missingSlo: Rule = {
  code: 'missing-slo',
  defaultSeverity: 'hint',
  summary: 'a `user-facing` service or a gateway with no `slo`',
  rationale:
    'A service that users wait on needs a stated target for how fast and how available it must be; without ' +
    'one, nobody can tell whether a slow week is an incident, timeouts upstream and downstream have nothing ' +
    'to be sized against, and the timeout-budget check has nothing to compare. Writing the objective next to ' +
    'the service turns an expectation into something the design can be checked against.',
  check(model) {
    const out: Finding[] = [];
    for (const s of model.services.values()) {
      if (!isUserFacingOrGateway(s) || s.slo.declared) continue;
      out.push({
        message: s.tier === 'gateway' ? `gateway ${s.name} has no slo` : `user-facing service ${s.name} has no slo`,
        location: s.location,
      });
    }
    return out;
  },
};
