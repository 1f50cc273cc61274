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
 * sit inside systems): sorted by start, each target's container is found once
 * with a stack, and the targets holding an offset are the last one starting at
 * or before it (or its nearest container holding it) and that one's containers.
 * Linear in targets plus diagnostics times nesting depth.
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
  const byFile = new Map<string, { list: ProblemTarget[]; parent: Int32Array }>();
  const lists = new Map<string, ProblemTarget[]>();
  for (const t of targets) {
    const list = lists.get(t.file);
    if (list) list.push(t);
    else lists.set(t.file, [t]);
  }
  for (const [file, list] of lists) {
    // Outer spans first when two start together, so an inner one comes after its container.
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    // Each target's container (index, or -1), from one sweep with a stack of open targets.
    const parent = new Int32Array(list.length);
    const open: number[] = [];
    list.forEach((t, i) => {
      while (open.length > 0 && list[open[open.length - 1]!]!.end < t.end) open.pop();
      parent[i] = open.length > 0 ? open[open.length - 1]! : -1;
      open.push(i);
    });
    byFile.set(file, { list, parent });
  }

  const contains = (t: ProblemTarget, at: number): boolean => at < t.end || (at === t.start && at === t.end);
  const receivers = new Set<string>();
  const collect = (location: Location): void => {
    const entry = byFile.get(location.file);
    if (!entry) return;
    const { list, parent } = entry;
    const at = location.start;
    // Last target with start <= at.
    let lo = 0;
    let hi = list.length - 1;
    let i = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start <= at) {
        i = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    // Every target holding `at` holds that one too (spans nest), so climb its containers:
    // a few steps, however many siblings come before it.
    while (i >= 0 && !contains(list[i]!, at)) i = parent[i]!;
    if (i < 0) return;
    receivers.add(list[i]!.id);
    for (let p = parent[i]!; p >= 0; p = parent[p]!) if (list[p]!.collects) receivers.add(list[p]!.id);
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
