import type { Finding, Rule } from './rule.js';
import { callTarget } from './describe-call.js';

export const syncToBackground: Rule = {
  code: 'sync-to-background',
  defaultSeverity: 'warning',
  summary: 'a synchronous call to a `background` service',
  rationale:
    'A background service is one that its team runs for throughput, not for quick answers: it may be scaled ' +
    'down at night, paused for a batch, or deployed without a care for request latency. A synchronous call ' +
    'makes the caller wait on exactly that, so the background service silently becomes part of a request ' +
    'path with promises it was never built to keep. Hand it work by events, or give the caller the data it ' +
    'needs some other way.',
  check(model) {
    const out: Finding[] = [];
    for (const call of model.calls) {
      const t = call.target.target;
      if (t?.tier !== 'background') continue;
      out.push({
        message: `${call.from.name} calls ${callTarget(call)} synchronously, but ${t.name} is a background service`,
        location: call.location,
        related: t.decl.members
          .filter((m) => m.kind === 'tier')
          .map((m) => ({ location: { file: t.file, start: m.start, end: m.end }, message: `${t.name} is declared background here` })),
      });
    }
    return out;
  },
};
