/**
 * Reading the layout of the user's text around an offset, so that fixes insert
 * lines with the same indentation and line ends the file already uses.
 *
 * Fixes are built for every diagnostic SARIF reports, possibly thousands on a
 * single line, so nothing here walks a line: each text gets one line index
 * (kept for the last few texts seen), and every question is a binary search.
 */
import { LineIndex } from '../text/line-index.js';

interface Layout {
  text: string;
  index: LineIndex;
  lineBreak: string;
}

/** The most recently used texts' layouts, newest first (fixes come file by file). */
const recent: Layout[] = [];
const KEPT = 4;

function layoutOf(text: string): Layout {
  for (let i = 0; i < recent.length; i++) {
    if (recent[i].text !== text) continue;
    const hit = recent[i];
    if (i > 0) {
      recent.splice(i, 1);
      recent.unshift(hit);
    }
    return hit;
  }
  const layout = { text, index: new LineIndex(text), lineBreak: findLineBreak(text) };
  recent.unshift(layout);
  if (recent.length > KEPT) recent.pop();
  return layout;
}

/** Offset of the first character of the line holding `offset`. */
export function lineStartAt(text: string, offset: number): number {
  const { index } = layoutOf(text);
  return index.lineStart(index.lineAt(offset));
}

/** Offset just before the line break of the line holding `offset`. */
export function lineEndAt(text: string, offset: number): number {
  const { index } = layoutOf(text);
  return index.lineEnd(index.lineAt(offset));
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
  return layoutOf(text).lineBreak;
}

function findLineBreak(text: string): string {
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
  const { index } = layoutOf(text);
  return index.lineAt(a) === index.lineAt(b);
}

/** False for the placeholder tokens the parser invents while recovering from an error (their offsets are NaN). */
export function isReal(span: { start: number; end: number } | undefined): span is { start: number; end: number } {
  return span !== undefined && Number.isFinite(span.start) && Number.isFinite(span.end);
}
