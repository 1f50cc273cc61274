/**
 * `seams check --fix` and `--fix-dry-run`: the fixes safe to apply without a
 * person. A fix is safe when its rule marks it preferred and it is not a
 * suppression (a `seams-ignore` hides a problem; it never repairs one). At
 * most one fix per diagnostic; a fix whose edits touch text another chosen fix
 * edits waits for the next pass. Passes repeat (at most MAX_PASSES) while
 * fixes apply, since one repair can make another possible, all in memory: the
 * caller decides what is written.
 */
import { checkSources, fixesOf, type SourceFile } from '../core/check.js';
import type { Fix, TextEdit } from '../core/diagnostics.js';

const MAX_PASSES = 10;

export interface FixOutcome {
  /** The texts after fixing, for every file given (unchanged ones included). */
  sources: SourceFile[];
  /** How many fixes were applied. */
  applied: number;
}

export function isSafeFix(fix: Fix): boolean {
  return fix.preferred === true && !fix.edits.some((e) => e.newText.includes('seams-ignore')) && !/^suppress\b/i.test(fix.title);
}

export function applySafeFixes(sources: readonly SourceFile[]): FixOutcome {
  let current = [...sources];
  let applied = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { diagnostics, model } = checkSources(current);
    const chosen: TextEdit[] = [];
    let count = 0;
    for (const d of diagnostics) {
      const fix = fixesOf(d, model).find(isSafeFix);
      if (!fix || fix.edits.length === 0 || fix.edits.some((e) => chosen.some((c) => overlaps(c, e)))) continue;
      chosen.push(...fix.edits);
      count++;
    }
    if (count === 0) break;
    current = current.map((s) => ({
      file: s.file,
      text: applyEdits(
        s.text,
        chosen.filter((e) => e.file === s.file),
      ),
    }));
    applied += count;
  }
  return { sources: current, applied };
}

/** Two edits of one file that cannot both apply: their ranges share text, or they insert at one point. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.file !== b.file) return false;
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return (
    (a.start < b.end && b.start < a.end) ||
    (a.start === a.end && b.start < a.start && a.start < b.end) ||
    (b.start === b.end && a.start < b.start && b.start < a.end)
  );
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((x, y) => y.start - x.start || y.end - x.end)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
