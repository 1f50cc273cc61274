/**
 * The contract's order for "the first declaration": files in path order, then
 * by position. The model keeps files in the order it was given them, which in
 * an editor is not path order, so rules that pick "the first" sort by this.
 */
import type { Location } from '../diagnostics.js';

export function byPathThenPosition(a: Location, b: Location): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.start - b.start;
}
