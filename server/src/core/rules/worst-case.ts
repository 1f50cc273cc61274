/**
 * Worst-case times, as the contract defines them: a call may take
 * `(retry + 1) × timeout`; a service's worst-case call time is the largest of
 * those over its own calls that have a timeout.
 */
import type { Call, Model, Service } from '../model/model.js';

export interface WorstCall {
  ms: number;
  call: Call;
  attempts: number;
  timeoutMs: number;
}

/** `(retry + 1) × timeout` of a call, or undefined when unknown (as `worstCaseOfCall`, without the object). */
function worstMsOfCall(call: Call): number | undefined {
  const timeoutMs = call.policy.timeoutMs;
  if (timeoutMs === undefined || call.policy.invalid?.retry) return undefined;
  return ((call.policy.retry ?? 0) + 1) * timeoutMs;
}

export function worstCaseOfCall(call: Call): WorstCall | undefined {
  const timeoutMs = call.policy.timeoutMs;
  // An invalid timeout or retry count makes the worst case unknown: it feeds no rule.
  if (timeoutMs === undefined || call.policy.invalid?.retry) return undefined;
  const attempts = (call.policy.retry ?? 0) + 1;
  return { ms: attempts * timeoutMs, call, attempts, timeoutMs };
}

const cache = new WeakMap<Model, Map<Service, WorstCall>>();

/** Each service's slowest call (first written wins a tie); services without timed calls are absent. */
export function worstCallTimes(model: Model): Map<Service, WorstCall> {
  let map = cache.get(model);
  if (map) return map;
  map = new Map();
  for (const s of model.services.values()) {
    // The slowest call first, then its one WorstCall object (not one per call).
    let slowest: Call | undefined;
    let slowestMs = 0;
    for (const c of s.calls) {
      const ms = worstMsOfCall(c);
      if (ms !== undefined && (!slowest || ms > slowestMs)) ((slowest = c), (slowestMs = ms));
    }
    if (slowest) map.set(s, worstCaseOfCall(slowest)!);
  }
  cache.set(model, map);
  return map;
}
