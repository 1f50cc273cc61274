/**
 * Puts each diagnostic on the innermost declaration it starts in: a call or
 * subscription member (an edge), a store member (a store node), a service
 * declaration (a service node), a system or team declaration (a group).
 *
 * Targets in one file never partly overlap (members sit inside services, which
 * sit inside systems), so after sorting by start, the innermost target holding
 * an offset is the last one starting at or before it that still contains it.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Problem } from './graph.js';

export interface ProblemTarget {
  /** The node or edge id that receives the problems. */
  id: string;
  file: string;
  start: number;
  end: number;
}

export function attachProblems(
  diagnostics: readonly Diagnostic[],
  targets: readonly ProblemTarget[],
  attach: (id: string, problem: Problem) => void,
): void {
  const byFile = new Map<string, ProblemTarget[]>();
  for (const t of targets) {
    const list = byFile.get(t.file);
    if (list) list.push(t);
    else byFile.set(t.file, [t]);
  }
  // Outer spans first when two start together, so the inner one wins the search below.
  for (const list of byFile.values()) list.sort((a, b) => a.start - b.start || b.end - a.end);

  for (const d of diagnostics) {
    const list = byFile.get(d.location.file);
    if (!list) continue;
    const at = d.location.start;
    // Last target with start <= at.
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start <= at) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    for (let i = found; i >= 0; i--) {
      const t = list[i]!;
      if (at < t.end || (at === t.start && at === t.end)) {
        attach(t.id, { severity: d.severity, code: d.code, message: d.message });
        break;
      }
    }
  }
}
