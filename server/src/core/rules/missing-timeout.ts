import { formatMs } from '../syntax/literals.js';
import type { Call, Service } from '../model/model.js';
import type { Finding, Rule } from './rule.js';
import { callTarget } from './describe-call.js';
import { addToPolicy } from './policy-edits.js';
import { worstCallTimes, type WorstCall } from './worst-case.js';

/** The timeout the quick fix proposes when the callee's own calls need no more. */
const DEFAULT_TIMEOUT_MS = 1000;

/**
 * A timeout that fits the budgets around the call where it can: at least what
 * the callee may itself take (so the call does not give up too early), and at
 * most what the caller's own callers and latency objective leave for it (so
 * the caller does not become too slow for them); 1s when nothing constrains it.
 */
function proposedTimeout(call: Call, worst: Map<Service, WorstCall>): number {
  const floor = call.target.target ? (worst.get(call.target.target)?.ms ?? 0) : 0;
  let ceiling = Infinity;
  for (const c of call.from.callers) if (c.policy.timeoutMs !== undefined) ceiling = Math.min(ceiling, c.policy.timeoutMs);
  if (call.from.slo.latency) ceiling = Math.min(ceiling, call.from.slo.latency.ms);
  ceiling = Math.floor(ceiling / ((call.policy.retry ?? 0) + 1));
  return Math.max(floor, Math.min(DEFAULT_TIMEOUT_MS, ceiling));
}

export const missingTimeout: Rule = {
  code: 'missing-timeout',
  defaultSeverity: 'warning',
  summary: 'a `calls` with no timeout, after defaults',
  rationale:
    'A call without a timeout waits as long as the callee takes, and a callee in trouble can take forever. ' +
    'While it waits the caller holds a thread, a connection and its own caller, so one slow service quietly ' +
    'drains the capacity of everything upstream of it. A timeout turns an unbounded wait into a bounded, ' +
    'handled failure; a system default covers every call that does not need its own.',
  check(model) {
    const out: Finding[] = [];
    const worst = worstCallTimes(model);
    for (const call of model.calls) {
      // An invalid timeout (`timeout 0ms`, here or in defaults) is present: invalid-value says so, once.
      if (call.policy.timeoutMs !== undefined || call.policy.invalid?.timeout) continue;
      out.push({
        message: `${call.from.name} calls ${callTarget(call)} with no timeout`,
        location: call.location,
        fixes: () => {
          const timeout = formatMs(proposedTimeout(call, worst));
          const edit = addToPolicy(call, model.files.get(call.file)?.text ?? '', `timeout ${timeout}`);
          return edit ? [{ title: `Add timeout ${timeout} to the call`, edits: [edit], preferred: true }] : [];
        },
      });
    }
    return out;
  },
};
