/**
 * A box that stands for many services (a landscape box, "+N more", an outside
 * system) can take part in tens of thousands of problems. It lists only the
 * worst PROBLEMS_LISTED of them and keeps the total in `problemCount`: the
 * picture, the worker messages and the hover card stay small, and the badge
 * says the same as before (it shows "99+" from 100 on).
 */
import type { Severity } from '../diagnostics.js';
import type { Problem } from './graph.js';

/** More than 99 is what the badge can say ("99+"), so listing 100 keeps every badge exact. */
export const PROBLEMS_LISTED = 100;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * The worst `PROBLEMS_LISTED` of `problems`, worst first (otherwise in the order
 * given), and, when some were left out, how many there are in all.
 */
export function listProblems(problems: readonly Problem[]): { problems: Problem[]; problemCount?: number } {
  const ranked = problems.map((p, i) => ({ p, i })).sort((a, b) => RANK[a.p.severity] - RANK[b.p.severity] || a.i - b.i);
  const listed = ranked.slice(0, PROBLEMS_LISTED).map((r) => r.p);
  return problems.length > PROBLEMS_LISTED ? { problems: listed, problemCount: problems.length } : { problems: listed };
}

/** How many problems an element stands for (its list may hold only the worst). */
export function problemTotal(item: { problems: readonly Problem[]; problemCount?: number }): number {
  return item.problemCount ?? item.problems.length;
}
