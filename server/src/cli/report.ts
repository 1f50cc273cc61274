/**
 * What `seams check` hands to a formatter: the files checked, their texts and the
 * sorted diagnostics, plus 1-based line/column ranges computed once through
 * LineIndex (the only place offsets become lines and columns).
 */
import type { Diagnostic, Fix, Location } from '../core/diagnostics.js';
import { LineIndex } from '../core/text/line-index.js';

/** A 1-based range; `endColumn` is the column just after the last character, as in SARIF and ESLint. */
export interface Region {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface CheckReport {
  /** Every file checked, as given or found (sorted). */
  files: readonly string[];
  diagnostics: readonly Diagnostic[];
  /** The 1-based range of a location in one of the checked files. */
  regionOf(location: Location | { file: string; start: number; end: number }): Region;
  /** A diagnostic's fixes, built when a format shows them (SARIF); text and JSON never ask. */
  fixesOf(diagnostic: Diagnostic): readonly Fix[];
}

export function createReport(
  sources: readonly { file: string; text: string }[],
  diagnostics: readonly Diagnostic[],
  fixesOf: (diagnostic: Diagnostic) => readonly Fix[] = (d) => d.fixes ?? [],
): CheckReport {
  const texts = new Map(sources.map((s) => [s.file, s.text]));
  const indexes = new Map<string, LineIndex>();
  const indexOf = (file: string): LineIndex => {
    let index = indexes.get(file);
    if (!index) {
      index = new LineIndex(texts.get(file) ?? '');
      indexes.set(file, index);
    }
    return index;
  };
  return {
    files: sources.map((s) => s.file),
    diagnostics,
    fixesOf,
    regionOf(location) {
      const index = indexOf(location.file);
      const start = index.positionAt(location.start);
      const end = index.positionAt(Math.max(location.start, location.end));
      return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
    },
  };
}

/** Counts of diagnostics per severity, for summaries and exit codes. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Diagnostic['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
