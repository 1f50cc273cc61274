/**
 * Puts each diagnostic on every element it concerns. A diagnostic concerns the
 * innermost declaration each of its locations starts in (its own location and
 * its related ones): a call or subscription member (an edge), a store member (a
 * store node), a service declaration (a service node), a system or team
 * declaration (a group). A target marked `collects` (a service) also receives
 * the problems of every target inside it, so the hover card of `payments` lists
 * the sync cycle that one of its calls closes and the compliance leak of one of
 * its stores. Each element receives a problem once, however many of its
 * locations it holds (and a rule that reports one finding at both ends, as
 * `shared-database` does, is listed once per element).
 *
 * Targets in one file never partly overlap (members sit inside services, which
 * sit inside systems), so after sorting by start, the targets holding an offset
 * are those starting at or before it that still contain it.
 */
import type { Diagnostic, Location } from '../diagnostics.js';
import type { Problem } from './graph.js';

export interface ProblemTarget {
  /** The node or edge id that receives the problems. */
  id: string;
  file: string;
  start: number;
  end: number;
  /** Also receives the problems of the targets inside it (set for services). */
  collects?: boolean;
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
  // Outer spans first when two start together, so the inner one is met first walking back.
  for (const list of byFile.values()) list.sort((a, b) => a.start - b.start || b.end - a.end);

  const receivers = new Set<string>();
  const collect = (location: Location): void => {
    const list = byFile.get(location.file);
    if (!list) return;
    const at = location.start;
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
    let innermost = true;
    for (let i = found; i >= 0; i--) {
      const t = list[i]!;
      if (!(at < t.end || (at === t.start && at === t.end))) continue;
      if (innermost) receivers.add(t.id);
      else if (t.collects) receivers.add(t.id);
      innermost = false;
      // Walking back passes siblings too; the containment test above skips them.
    }
  };

  const given = new Map<string, Set<string>>();
  for (const d of diagnostics) {
    receivers.clear();
    collect(d.location);
    for (const r of d.related ?? []) collect(r.location);
    if (receivers.size === 0) continue;
    const problem: Problem = { severity: d.severity, code: d.code, message: d.message };
    const key = `${d.severity}\n${d.code}\n${d.message}`;
    for (const id of receivers) {
      let keys = given.get(id);
      if (!keys) given.set(id, (keys = new Set()));
      if (keys.has(key)) continue;
      keys.add(key);
      attach(id, problem);
    }
  }
}
