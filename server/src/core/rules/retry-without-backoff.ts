import type { TextEdit } from '../diagnostics.js';
import type { Call } from '../model/model.js';
import type { Finding, Rule } from './rule.js';
import { callTarget } from './describe-call.js';
import { addToPolicy } from './policy-edits.js';

/** Where to report, and (built when asked) the edit that makes the call back off exponentially. */
function repair(call: Call, text: () => string): { edit: () => TextEdit | undefined; at: { start: number; end: number } } {
  const written = call.decl.policy?.entries.find((e) => e.kind === 'retry');
  if (written?.kind === 'retry' && call.policySources.retry === 'call') {
    const at = { start: written.start, end: written.end };
    const { backoff, count } = written;
    if (backoff) return { at, edit: () => ({ file: call.file, start: backoff.start, end: backoff.end, newText: 'exponential' }) };
    if (count) return { at, edit: () => ({ file: call.file, start: count.end, end: count.end, newText: ' backoff exponential' }) };
    return { at, edit: () => undefined };
  }
  // The retry comes from defaults: give the call its own retry, with backoff.
  return { at: call.location, edit: () => addToPolicy(call, text(), `retry ${call.policy.retry} backoff exponential`) };
}

export const retryWithoutBackoff: Rule = {
  code: 'retry-without-backoff',
  defaultSeverity: 'warning',
  summary: '`retry N` (N > 0) with no backoff or backoff `none`',
  rationale:
    'Retrying at once, again and again, is how a brief hiccup becomes an outage: every caller of a struggling ' +
    'service multiplies its load by the retry count at the very moment it is least able to serve it, and the ' +
    'retries arrive in synchronised waves. Backing off exponentially spreads the retries out and gives the ' +
    'callee time to recover, so that retrying helps rather than hurts.',
  check(model) {
    const out: Finding[] = [];
    for (const call of model.calls) {
      // An invalid retry or backoff feeds no rule: invalid-value reports it, once.
      if (call.policy.invalid?.retry || call.policy.invalid?.backoff) continue;
      const retry = call.policy.retry ?? 0;
      if (retry <= 0 || (call.policy.backoff !== undefined && call.policy.backoff !== 'none')) continue;
      const { edit, at } = repair(call, () => model.files.get(call.file)?.text ?? '');
      const how = call.policy.backoff === 'none' ? 'with backoff none' : 'with no backoff';
      const times = retry === 1 ? 'once' : `${retry} times`;
      out.push({
        message: `${call.from.name} retries its call to ${callTarget(call)} ${times} ${how}`,
        location: { file: call.file, start: at.start, end: at.end },
        fixes: () => {
          const e = edit();
          return e ? [{ title: 'Add backoff exponential to the retry', edits: [e], preferred: true }] : [];
        },
      });
    }
    return out;
  },
};
