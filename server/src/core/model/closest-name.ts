/**
 * "Did you mean …?" for unresolved names: the candidate with the smallest edit
 * distance, if it is close enough to be a likely typo (at most a third of the
 * name's length, and at most 3 edits); on a tie, the first candidate.
 *
 * Cheap however many names are unresolved: a model with thousands of them must
 * not compare every pair (that took minutes, on the thread answering hovers).
 * `NameSuggester` keeps, per candidate set, an index of every name with one
 * character deleted, so the usual typo (one edit away) is found by a few map
 * lookups; farther guesses scan the candidates of a close length, and that
 * scanning has a budget per model build, after which only one-edit typos are
 * suggested. Small sets are scanned directly, as before.
 */

let computed = 0;

/** How many edit distances were computed so far (tests count work instead of timing it). */
export function editDistanceCount(): number {
  return computed;
}

/** The plain lookup, for a one-off question (no index, no budget). */
export function closestName(written: string, candidates: Iterable<string>): string | undefined {
  const limit = limitFor(written);
  if (limit === 0) return undefined;
  return scan(written, candidates, limit, 1, Infinity).best;
}

/** Sets this small are scanned: an index would cost more than it saves. */
const SMALL_SET = 64;
/** Edit distances a model build may spend on guesses more than one edit away. */
const SCAN_BUDGET = 20_000;

interface OneEditIndex {
  /** Candidate names in their order. */
  names: string[];
  /** Each name, and each name with one character deleted → the candidates' positions. */
  byDeletion: Map<string, number[]>;
}

/** Suggestions for one model build: an index per candidate set, and one scanning budget. */
export class NameSuggester {
  private readonly indexes = new WeakMap<object, OneEditIndex>();
  private budget = SCAN_BUDGET;

  /** The suggestion for `written` among the keys of `candidates`. */
  closest(written: string, candidates: ReadonlyMap<string, unknown>): string | undefined {
    const limit = limitFor(written);
    if (limit === 0) return undefined;
    if (candidates.size <= SMALL_SET) return scan(written, candidates.keys(), limit, 1, Infinity).best;
    const index = this.indexOf(candidates);
    const oneEdit = this.oneEditAway(written, index);
    if (oneEdit !== undefined || limit === 1) return oneEdit;
    if (this.budget <= 0) return undefined;
    const found = scan(written, index.names, limit, 2, this.budget);
    this.budget -= found.spent;
    return found.best;
  }

  private indexOf(candidates: ReadonlyMap<string, unknown>): OneEditIndex {
    let index = this.indexes.get(candidates);
    if (!index) {
      const names = [...candidates.keys()];
      const byDeletion = new Map<string, number[]>();
      names.forEach((name, i) => {
        for (const key of deletions(name)) {
          const list = byDeletion.get(key);
          if (!list) byDeletion.set(key, [i]);
          else if (list[list.length - 1] !== i) list.push(i);
        }
      });
      index = { names, byDeletion };
      this.indexes.set(candidates, index);
    }
    return index;
  }

  /**
   * The first candidate one edit from `written`. Two strings are one edit apart
   * only if deleting at most one character from each makes them equal, so the
   * shared deletion keys give every such candidate (and a few more, checked).
   */
  private oneEditAway(written: string, index: OneEditIndex): string | undefined {
    let best = Infinity;
    for (const key of deletions(written)) {
      for (const i of index.byDeletion.get(key) ?? []) {
        if (i >= best) break; // positions are ascending: nothing earlier follows
        if (editDistance(written, index.names[i], 2) <= 1) best = i;
      }
    }
    return best === Infinity ? undefined : index.names[best];
  }
}

function limitFor(written: string): number {
  return Math.min(3, Math.floor(written.length / 3));
}

/** `name` and every string made from it by deleting one character (each once). */
function deletions(name: string): Set<string> {
  const out = new Set<string>([name]);
  for (let i = 0; i < name.length; i++) out.add(name.slice(0, i) + name.slice(i + 1));
  return out;
}

/** The closest candidate at distance `from`..`limit`, spending at most `budget` edit distances. */
function scan(
  written: string,
  candidates: Iterable<string>,
  limit: number,
  from: number,
  budget: number,
): { best?: string; spent: number } {
  let best: string | undefined;
  let bestDistance = limit + 1;
  let spent = 0;
  for (const c of candidates) {
    if (Math.abs(c.length - written.length) > limit) continue;
    if (spent >= budget) break;
    spent++;
    const d = editDistance(written, c, bestDistance);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      if (d <= from) break; // nothing closer is possible
    }
  }
  return { best, spent };
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance, giving up (returning `cap`) once it cannot beat `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  computed++;
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length + 1);
    rowB = new Int32Array(b.length + 1);
  }
  let prev = rowA;
  let row = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    const ch = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ch === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= cap) return cap;
    const t = prev;
    prev = row;
    row = t;
  }
  return prev[b.length];
}
