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
    let worst: WorstCall | undefined;
    for (const c of s.calls) {
      const w = worstCaseOfCall(c);
      if (w && (!worst || w.ms > worst.ms)) worst = w;
    }
    if (worst) map.set(s, worst);
  }
  cache.set(model, map);
  return map;
}
