/**
 * The default `--format text`, laid out like ESLint's "stylish" formatter so it
 * reads familiar: each file with problems on a line of its own, then one aligned
 * row per diagnostic (`line:column  severity  message  code`), a blank line, and
 * a summary `✖ N problems (E errors, W warnings, I infos, H hints)`.
 * A clean check prints nothing at all, as ESLint does: silence means success,
 * and the exit code says the same.
 */
import type { Diagnostic, Severity } from '../core/diagnostics.js';
import { countBySeverity, type CheckReport } from './report.js';
import { styles as stylesFor, type Styles } from './terminal-colour.js';

export function formatText(report: CheckReport, options: { colour: boolean }): string {
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
      return { line: String(r.line), column: String(r.column), d };
    });
    // Widths are measured on the plain text, before any colour codes are added.
    const lineWidth = Math.max(...rows.map((r) => r.line.length));
    const positionWidth = Math.max(...rows.map((r) => lineWidth + 1 + r.column.length));
    const severityWidth = Math.max(...rows.map((r) => r.d.severity.length));
    const messageWidth = Math.max(...rows.map((r) => oneLine(r.d.message).length));

    out += `${s.underline(file)}\n`;
    for (const { line, column, d } of rows) {
      const position = `${line.padStart(lineWidth)}:${column}`.padEnd(positionWidth);
      const severity = paintSeverity(s, d.severity, d.severity.padEnd(severityWidth));
      const message = oneLine(d.message).padEnd(messageWidth);
      out += `  ${s.dim(position)}  ${severity}  ${message}  ${s.dim(d.code)}\n`;
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

/** Messages are one sentence; a stray line break would break the table. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
