/**
 * The re-printer: walks code tokens and comments in text order and decides
 * only the whitespace before each one. Because every token and comment is
 * written back as it was, the printed text can differ from the input only in
 * layout: indentation by brace depth, line breaks where the plan says, one
 * space between tokens on a line, at most one blank line kept.
 */
import type { LayoutPlan } from './layout-plan.js';
import { spaceBetween } from './token-spacing.js';

export interface PrintItem {
  kind: 'token' | 'line-comment' | 'block-comment';
  start: number;
  end: number;
  text: string;
}

const INDENT = '  ';
const LINE_BREAK = /\r\n|\r|\n/g;

export function printItems(source: string, items: readonly PrintItem[], plan: LayoutPlan, eol: string): string {
  let out = '';
  let depth = 0;
  let prev: PrintItem | undefined;
  let prevStartedLine = true;
  // Set after the last token of a top-level declaration: the next line begun gets
  // a blank line before it, so declarations always stand apart.
  let blankPending = false;

  for (const item of items) {
    const isOpen = item.kind === 'token' && item.text === '{';
    const isClose = item.kind === 'token' && item.text === '}';
    const prevIsOpen = prev?.kind === 'token' && prev.text === '{';
    let breakLine = false;
    if (prev) {
      const lineBreaks = countLineBreaks(source.slice(prev.end, item.start));
      if (prev.kind === 'line-comment') breakLine = true;
      else if (item.kind !== 'token') breakLine = lineBreaks > 0;
      else if (isClose) breakLine = !prevIsOpen && !plan.inlineBraces.has(item.start);
      else if (plan.breakBefore.has(item.start)) {
        // `/* note */ owner a` keeps the member on the comment's line.
        breakLine = !(prev.kind === 'block-comment' && prevStartedLine && lineBreaks === 0);
      }

      if (breakLine) {
        let blanks = lineBreaks >= 2 ? 1 : 0;
        if (isClose || prevIsOpen) blanks = 0;
        else if (blankPending) blanks = 1;
        const continuation = item.kind === 'token' && !isClose && !plan.breakBefore.has(item.start);
        const level = isClose ? depth - 1 : continuation ? depth + 1 : depth;
        out += eol.repeat(1 + blanks) + INDENT.repeat(Math.max(0, level));
        blankPending = false;
      } else {
        out += prevIsOpen && isClose ? '' : spaceBetween(prev.text, item.text);
      }
    }
    out += item.text;

    if (isOpen) depth++;
    if (isClose) depth--;
    if (item.kind === 'token' && plan.declarationEnds.has(item.start)) blankPending = true;
    prevStartedLine = breakLine || prev === undefined;
    prev = item;
  }
  return items.length > 0 ? out + eol : out;
}

function countLineBreaks(gap: string): number {
  return gap.match(LINE_BREAK)?.length ?? 0;
}
