/**
 * Per-file signatures of diagnostics: everything of them that shows in the
 * editor, as one string per file. Computed where the check runs (the worker),
 * so the server's own thread only compares strings to decide which files to
 * publish again.
 *
 * Offsets stand in for ranges: in a file that was not edited they move only
 * when its diagnostics move; an edited file is re-sent anyway.
 */
import type { Diagnostic } from '../core/diagnostics.js';

export function diagnosticSignatures(diagnostics: readonly Diagnostic[]): Map<string, string> {
  const byFile = new Map<string, unknown[]>();
  for (const d of diagnostics) {
    const row = [
      d.code,
      d.severity,
      d.message,
      d.location.start,
      d.location.end,
      d.tags,
      d.related?.map((r) => [r.location.file, r.location.start, r.location.end, r.message]),
    ];
    const list = byFile.get(d.location.file);
    if (list) list.push(row);
    else byFile.set(d.location.file, [row]);
  }
  const out = new Map<string, string>();
  for (const [file, rows] of byFile) out.set(file, JSON.stringify(rows));
  return out;
}
