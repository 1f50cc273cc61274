/**
 * The diagnostic and fix data that every part of Seams exchanges.
 *
 * Locations are UTF-16 offsets into one file's text (the same units as JavaScript
 * strings and LSP). Conversion to line/column happens only at the edges: the CLI
 * formatters and the language server use `LineIndex` (text/line-index.ts).
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A half-open span [start, end) of UTF-16 offsets in the file named `file`. */
export interface Location {
  /** The file's key in the workspace: a path (CLI) or a URI (language server). */
  file: string;
  start: number;
  end: number;
}

export interface RelatedInformation {
  location: Location;
  message: string;
}

/** Replace [start, end) of `file` with `newText` (an insertion when start === end). */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  newText: string;
}

/** A repair the editor can offer as a quick fix and the CLI can apply. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix the editor should prefer (at most one per diagnostic). */
  preferred?: boolean;
}

export type DiagnosticTag = 'unnecessary' | 'deprecated';

export interface Diagnostic {
  /** A kebab-case code: `syntax`, one of the fixed errors, or a rule code. */
  code: string;
  severity: Severity;
  /** One sentence naming the things involved. */
  message: string;
  location: Location;
  related?: RelatedInformation[];
  tags?: DiagnosticTag[];
  /**
   * Repairs carried as data (the model's fixed errors). A rule diagnostic's
   * repairs are built only when asked for: `fixesOf` in check.ts.
   */
  fixes?: Fix[];
}

/** Codes of the fixed errors: not configurable in `rules { }`. */
export const FIXED_CODES = ['syntax', 'unresolved-reference', 'duplicate-definition', 'invalid-value', 'duplicate-rule-setting'] as const;
export type FixedCode = (typeof FIXED_CODES)[number];

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** Orders diagnostics by file, then start offset, then end offset, then code. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.location.file !== b.location.file) return a.location.file < b.location.file ? -1 : 1;
  return a.location.start - b.location.start || a.location.end - b.location.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
