/**
 * `--format json`: exactly the object of the command-line contract,
 * `{"files": N, "diagnostics": [{file, line, column, endLine, endColumn, severity, code, message}]}`,
 * with 1-based lines and columns (`endColumn` just after the last character) and
 * the diagnostics sorted by file, line, column. Nothing else is added, so scripts
 * can rely on the shape.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import type { CheckReport, Region } from './report.js';

export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

export function formatJson(report: CheckReport): string {
  const diagnostics: JsonDiagnostic[] = report.diagnostics.map((d) => toJsonDiagnostic(d, report.regionOf(d.location)));
  // The core sorts by offset, which is the same order; sorting again on the
  // printed keys makes the contract hold on its own terms.
  diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column);
  return `${JSON.stringify({ files: report.files.length, diagnostics }, null, 2)}\n`;
}

/** One diagnostic as `--format json` prints it (also `seams diff`'s findings), at its region. */
export function toJsonDiagnostic(d: Diagnostic, r: Region): JsonDiagnostic {
  return {
    file: d.location.file,
    line: r.line,
    column: r.column,
    endLine: r.endLine,
    endColumn: r.endColumn,
    severity: d.severity,
    code: d.code,
    message: d.message,
  };
}
