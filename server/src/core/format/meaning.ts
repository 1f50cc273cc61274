/**
 * What a file means, with positions left out: the syntax tree without offsets,
 * the comments' text in order, and — because `// seams-ignore` works by lines —
 * for every node, which codes a directive silences on the line where it starts.
 * Two texts with equal projections check identically; the formatter uses this
 * to prove that it changed only layout.
 */
import type * as ast from '../syntax/ast.js';
import { LineIndex } from '../text/line-index.js';

export function projectMeaning(file: ast.SeamsFile): string {
  const tree = JSON.stringify(file.declarations, (key, value) => (key === 'start' || key === 'end' ? undefined : value));
  return JSON.stringify({
    tree,
    silenced: file.ignores.length > 0 ? silencedNodes(file) : [],
    comments: file.comments.map((c) => [c.kind, c.text]),
    ignores: file.ignores.map((d) => [d.codes.map((c) => c.text), d.reason ?? null, d.trailing]),
  });
}

/** `ordinal:codes` for every node (in tree order) that starts on a line a directive silences. */
function silencedNodes(file: ast.SeamsFile): string[] {
  const lines = new LineIndex(file.text);
  const byLine = new Map<number, Set<string>>();
  for (const d of file.ignores) {
    const codes = byLine.get(d.appliesToLine) ?? new Set<string>();
    for (const c of d.codes) codes.add(c.text);
    byLine.set(d.appliesToLine, codes);
  }
  const out: string[] = [];
  let ordinal = 0;
  const visit = (value: unknown, key: string): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v, key);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const node = value as Record<string, unknown>;
    // Braces and dots carry no diagnostics, so which line they land on does not matter.
    if (typeof node.start === 'number' && !NO_DIAGNOSTICS.has(key)) {
      const codes = byLine.get(lines.positionAt(node.start).line);
      if (codes) out.push(`${ordinal}:${[...codes].sort().join(',')}`);
      ordinal++;
    }
    for (const [k, v] of Object.entries(node)) if (typeof v === 'object') visit(v, k);
  };
  visit(file.declarations, 'declarations');
  return out;
}

const NO_DIAGNOSTICS = new Set(['braces', 'open', 'close', 'dot']);
