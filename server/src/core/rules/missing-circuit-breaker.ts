import type { Finding, Rule } from './rule.js';
import { callTarget } from './describe-call.js';
import { addToPolicy } from './policy-edits.js';

export const missingCircuitBreaker: Rule = {
  code: 'missing-circuit-breaker',
  defaultSeverity: 'info',
  summary: 'a `calls` with no circuit breaker, after defaults',
  rationale:
    'When a callee is failing, every further request to it only adds load to a service that cannot cope and ' +
    'makes the caller wait for an answer that will not come. A circuit breaker notices the failures, stops ' +
    'calling for a while and fails fast instead, which gives the callee room to recover and keeps the caller ' +
    'responsive. Without one, a single failing dependency spreads its outage to everyone who calls it.',
  check(model) {
    const out: Finding[] = [];
    for (const call of model.calls) {
      if (call.policy.circuitBreaker) continue;
      out.push({
        message: `${call.from.name} calls ${callTarget(call)} with no circuit breaker`,
        location: call.location,
        fixes: () => {
          const edit = addToPolicy(call, model.files.get(call.file)?.text ?? '', 'circuit-breaker');
          return edit ? [{ title: 'Add circuit-breaker to the call', edits: [edit], preferred: true }] : [];
        },
      });
    }
    return out;
  },
};
