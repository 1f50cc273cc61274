/**
 * Reading the layout of the user's text around an offset, so that fixes insert
 * lines with the same indentation and line ends the file already uses. Scans
 * only the line in question: fixes are computed for every diagnostic of a
 * possibly huge model, and building a line index per fix would be quadratic.
 */

/** Offset of the first character of the line holding `offset`. */
export function lineStartAt(text: string, offset: number): number {
  let i = offset;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

/** Offset just before the line break of the line holding `offset`. */
export function lineEndAt(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** The spaces and tabs that open the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  let start = lineStartAt(text, offset);
  if (start === 0 && text.charCodeAt(0) === 0xfeff) start = 1;
  let i = start;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text.slice(start, i);
}

/** The file's line break: the first one found, `\n` when there is none. */
export function lineBreakOf(text: string): string {
  const i = text.indexOf('\n');
  if (i > 0 && text[i - 1] === '\r') return '\r\n';
  if (i < 0 && text.includes('\r')) return '\r';
  return '\n';
}

/** One level of indentation deeper than `indent`: a tab for tab-indented text, else two spaces. */
export function deeper(indent: string): string {
  return indent + (indent.startsWith('\t') ? '\t' : '  ');
}

/** Whether two offsets lie on the same line (no line break between them). */
export function sameLine(text: string, a: number, b: number): boolean {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  for (let i = lo; i < hi; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return false;
  }
  return true;
}

/** False for the placeholder tokens the parser invents while recovering from an error (their offsets are NaN). */
export function isReal(span: { start: number; end: number } | undefined): span is { start: number; end: number } {
  return span !== undefined && Number.isFinite(span.start) && Number.isFinite(span.end);
}
