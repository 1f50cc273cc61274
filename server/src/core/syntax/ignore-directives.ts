/**
 * Reads `// seams-ignore code[, code] [-- reason]` comments. A directive that
 * trails code applies to its own line; otherwise to the next line holding code
 * (other comment lines in between are skipped, so directives can be stacked).
 */
import type * as ast from './ast.js';
import { LineIndex } from '../text/line-index.js';

import { SEAMS_IGNORE as DIRECTIVE, SEAMS_IGNORE_CODE as CODE, SEAMS_IGNORE_REASON } from '../vocabulary.js';

/** `tokenStarts`: where each token of the file starts, in order (comments are no tokens). */
export function readIgnoreDirectives(text: string, comments: ast.Comment[], tokenStarts: ArrayLike<number>): ast.IgnoreDirective[] {
  const directives: ast.IgnoreDirective[] = [];
  let lines: LineIndex | undefined;
  for (const c of comments) {
    if (c.kind !== 'line') continue;
    const head = DIRECTIVE.exec(c.text);
    if (!head) continue;
    lines ??= new LineIndex(text);
    const rest = c.text.slice(head[0].length);
    const dash = rest.indexOf(SEAMS_IGNORE_REASON);
    const codePart = dash >= 0 ? rest.slice(0, dash) : rest;
    const codes: ast.Name[] = [];
    const base = c.start + head[0].length;
    for (const m of codePart.matchAll(CODE)) {
      codes.push({ text: m[0], start: base + m.index!, end: base + m.index! + m[0].length });
    }
    const reason = dash >= 0 ? rest.slice(dash + SEAMS_IGNORE_REASON.length).trim() || undefined : undefined;

    const line = lines.positionAt(c.start).line;
    const first = firstTokenFrom(tokenStarts, c.start);
    const trailing = first > 0 && lines.positionAt(tokenStarts[first - 1]).line === line;
    let appliesToLine = line;
    if (!trailing) {
      const next = firstTokenFrom(tokenStarts, c.end);
      appliesToLine = next < tokenStarts.length ? lines.positionAt(tokenStarts[next]).line : -1;
    }
    directives.push({ codes, reason, appliesToLine, trailing, start: c.start, end: c.end });
  }
  return directives;
}

/** Index of the first token that starts at or after `offset` (`tokens.length` when none does). */
function firstTokenFrom(tokenStarts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = tokenStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokenStarts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
