/**
 * The default `--format text`, laid out like ESLint's "stylish" formatter so it
 * reads familiar: each file with problems on a line of its own, then one aligned
 * row per diagnostic (`line:column  severity  message  code`), a blank line, and
 * a summary `✖ N problems (E errors, W warnings, I infos, H hints)`.
 * A clean check prints nothing at all, as ESLint does: silence means success,
 * and the exit code says the same.
 *
 * On a terminal (`width` given) no row is wider than the terminal: a long message
 * wraps at spaces onto lines indented to the message column, and the code follows
 * its last line. Piped output keeps one row per problem, for grep and diff.
 */
import type { Diagnostic, Severity } from '../core/diagnostics.js';
import { countBySeverity, type CheckReport } from './report.js';
import { printable } from './printable.js';
import { styles as stylesFor, type Styles } from './terminal-colour.js';

export interface TextOptions {
  colour: boolean;
  /** The terminal's width in columns; rows are wrapped to it. None when piped. */
  width?: number;
}

/** Narrower than this the table cannot be kept; rows then wrap as well as they can. */
const MIN_MESSAGE_WIDTH = 20;

export function formatText(report: CheckReport, options: TextOptions): string {
  if (report.diagnostics.length === 0) return '';
  const s = stylesFor(options.colour);
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of report.diagnostics) {
    const list = byFile.get(d.location.file) ?? [];
    list.push(d);
    byFile.set(d.location.file, list);
  }

  let out = '';
  for (const [file, diagnostics] of byFile) {
    const rows = diagnostics.map((d) => {
      const r = report.regionOf(d.location);
      // The message made printable once: it is measured for the column, then printed.
      return { line: String(r.line), column: String(r.column), d, message: oneLine(d.message) };
    });
    // Widths are measured on the plain text, before any colour codes are added.
    const lineWidth = widest(rows, (r) => r.line.length);
    const positionWidth = widest(rows, (r) => lineWidth + 1 + r.column.length);
    const severityWidth = widest(rows, (r) => r.d.severity.length);
    const longest = widest(rows, (r) => r.message.length);
    const codeWidth = widest(rows, (r) => r.d.code.length);
    // Indent, position, severity and the gaps between the four columns.
    const messageColumn = 2 + positionWidth + 2 + severityWidth + 2;
    const room = options.width === undefined ? Infinity : Math.max(MIN_MESSAGE_WIDTH, options.width - messageColumn - 2 - codeWidth - 1);
    const messageWidth = Math.min(longest, room);

    out += `${s.underline(printable(file))}\n`;
    for (const { line, column, d, message } of rows) {
      const position = `${line.padStart(lineWidth)}:${column}`.padEnd(positionWidth);
      const severity = paintSeverity(s, d.severity, d.severity.padEnd(severityWidth));
      const pieces = wrap(message, messageWidth);
      const last = pieces.length - 1;
      pieces.forEach((piece, i) => {
        const lead = i === 0 ? `  ${s.dim(position)}  ${severity}  ` : ' '.repeat(messageColumn);
        out += i === last ? `${lead}${piece.padEnd(messageWidth)}  ${s.dim(d.code)}\n` : `${lead}${piece}\n`;
      });
    }
    out += '\n';
  }
  out += `${summary(s, report.diagnostics)}\n`;
  return out;
}

function summary(s: Styles, diagnostics: readonly Diagnostic[]): string {
  const c = countBySeverity(diagnostics);
  const total = diagnostics.length;
  const text =
    `✖ ${plural(total, 'problem')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ` +
    `${plural(c.info, 'info')}, ${plural(c.hint, 'hint')})`;
  const paint = c.error > 0 ? s.red : c.warning > 0 ? s.yellow : s.blue;
  return s.bold(paint(text));
}

function paintSeverity(s: Styles, severity: Severity, text: string): string {
  switch (severity) {
    case 'error':
      return s.red(text);
    case 'warning':
      return s.yellow(text);
    case 'info':
      return s.blue(text);
    case 'hint':
      return s.dim(text);
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Messages are one sentence; a stray line break would break the table, and a
 * control character quoted from the model must not reach the terminal.
 */
function oneLine(message: string): string {
  return printable(message.replace(/\s*[\r\n]+\s*/g, ' '));
}

/** Splits text at spaces into lines of at most `width` characters (a longer word is cut). */
function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    let rest = word;
    while (rest.length > width) {
      if (current) lines.push(current);
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
      current = '';
    }
    if (!current) current = rest;
    else if (current.length + 1 + rest.length <= width) current += ` ${rest}`;
    else {
      lines.push(current);
      current = rest;
    }
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}

/** The largest width of the rows (a loop: spreading 125,000 widths into Math.max overflows the stack). */
function widest<T>(rows: readonly T[], width: (row: T) => number): number {
  let max = 0;
  for (const r of rows) max = Math.max(max, width(r));
  return max;
}
