/**
 * Per-file signatures of diagnostics: everything of them that shows in the
 * editor, as one string per file. Computed where the check runs (the worker),
 * so the server's own thread only compares strings to decide which files to
 * publish again.
 *
 * Ranges are written as lines and columns, as the editor receives them, not as
 * offsets: typing on a line of one file shifts the offsets of everything after
 * it, and with them the related locations that other files point there, but
 * moves no line/column outside that line. Offsets would make every file that
 * points into the edited one look changed, and each keystroke re-send them all.
 */
import type { Diagnostic, Location } from '../core/diagnostics.js';
import type { Lines } from '../core/text/lines.js';

/** `lines`: line indexes of the texts the diagnostics were computed from. */
export function diagnosticSignatures(diagnostics: readonly Diagnostic[], lines: Lines): Map<string, string> {
  const range = (at: Location): string => {
    const index = lines.of(at.file);
    const s = index.positionAt(at.start);
    const e = index.positionAt(at.end);
    return `${s.line}:${s.character}-${e.line}:${e.character}`;
  };
  const byFile = new Map<string, unknown[]>();
  for (const d of diagnostics) {
    const row = [
      d.code,
      d.severity,
      d.message,
      range(d.location),
      d.tags,
      d.related?.map((r) => [r.location.file, range(r.location), r.message]),
    ];
    const list = byFile.get(d.location.file);
    if (list) list.push(row);
    else byFile.set(d.location.file, [row]);
  }
  const out = new Map<string, string>();
  for (const [file, rows] of byFile) out.set(file, JSON.stringify(rows));
  return out;
}
