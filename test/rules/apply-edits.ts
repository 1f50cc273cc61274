/** Applying fixes' text edits in tests, as an editor or `seams check --fix` would. */
import assert from 'node:assert/strict';
import type { SourceFile } from '../../server/src/core/check.js';
import type { TextEdit } from '../../server/src/core/diagnostics.js';

/** Applies edits to one text, last first so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].end <= sorted[i - 1].start, 'overlapping edits');
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export function applyFix(sources: readonly SourceFile[], edits: readonly TextEdit[]): SourceFile[] {
  return sources.map((s) => ({
    file: s.file,
    text: applyEdits(
      s.text,
      edits.filter((e) => e.file === s.file),
    ),
  }));
}
