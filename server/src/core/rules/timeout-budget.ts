import { formatMs } from '../syntax/literals.js';
import type { Finding, Rule } from './rule.js';
import { worstCallTimes, type WorstCall } from './worst-case.js';

/** `1.2s (3 × 400ms)`: the worst case and how it comes about. */
function spelled(w: WorstCall): string {
  return `${formatMs(w.ms)} (${w.attempts} × ${formatMs(w.timeoutMs)})`;
}

export const timeoutBudget: Rule = {
  code: 'timeout-budget',
  defaultSeverity: 'warning',
  summary: "a timeout shorter than the callee's worst-case call time, or an `slo latency` shorter than the service's own",
  rationale:
    "A caller that gives up before its callee could have finished throws the callee's work away while the " +
    'callee keeps doing it, and if the caller then retries, each attempt starts another full round downstream, ' +
    'so load grows exactly when the system is slow. Likewise a latency objective shorter than what the ' +
    "service's own dependencies may legitimately take is a promise the design cannot keep. Budgets must nest: " +
    'each caller allows at least what its callees may take.',
  check(model) {
    const out: Finding[] = [];
    const worst = worstCallTimes(model);
    for (const call of model.calls) {
      const timeout = call.policy.timeoutMs;
      const callee = call.target.target;
      if (timeout === undefined || !callee) continue;
      const w = worst.get(callee);
      if (!w || timeout >= w.ms) continue;
      out.push({
        message: `${call.from.name} waits ${formatMs(timeout)} for ${callee.name}, which may take ${spelled(w)}`,
        location: call.location,
        related: [{ location: w.call.location, message: `${callee.name} → ${w.call.target.name} may take ${formatMs(w.ms)}` }],
      });
    }
    for (const s of model.services.values()) {
      const latency = s.slo.latency;
      const w = worst.get(s);
      if (!latency || !w || latency.ms >= w.ms) continue;
      out.push({
        message:
          `${s.name} promises latency ${latency.percentile} ${formatMs(latency.ms)}, but its call to ` +
          `${w.call.target.name} may take ${spelled(w)}`,
        location: latency.location,
        related: [{ location: w.call.location, message: `${s.name} → ${w.call.target.name} may take ${formatMs(w.ms)}` }],
      });
    }
    return out;
  },
};
